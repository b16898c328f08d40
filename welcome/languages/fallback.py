"""Serving a page in the reader's language, or, where it is missing, in the first fallback language
that has it (English, then Danish), with a notice in the reader's language."""

from dataclasses import dataclass

from django.core.exceptions import ObjectDoesNotExist
from django.http import Http404
from wagtail.views import serve as wagtail_serve

from welcome.core.pagecache import mark_cacheable
from welcome.core.sites import find_site

from . import links, registry, rows
from .info import Language, display_name


@dataclass(frozen=True)
class Fallback:
    """The reader asked for ``requested``; the content is shown in ``shown``."""

    requested: Language
    shown: Language

    @property
    def shown_name(self):
        """The shown language's name in the reader's language."""
        return display_name(self.shown.code, self.requested.code)


def route_in_languages(request, path, code):
    """Route ``path`` in ``code`` or its fallbacks; return ``(route result, language code)``.

    One query finds, in every candidate language tree, the deepest page whose URL path is a prefix
    of the requested path (Wagtail's own routing descends one query per level); that page then
    routes the rest, so routable pages (``print/``, ``pdf/``) keep working.
    """
    site = find_site(request)
    if site is None:
        raise Http404
    roots = {
        root.language_code: root.root_path
        for root in links.site_root_paths(request)
        if root.site_id == site.pk
    }
    components = [component for component in path.split("/") if component]
    chain = [candidate for candidate in registry.fallback_chain(code) if candidate in roots]
    prefixes = {
        roots[candidate] + "".join(f"{component}/" for component in components[:depth])
        for candidate in chain
        for depth in range(len(components) + 1)
    }
    # Plain rows, not Page objects: building a model instance costs more than the query, and
    # only the page that routes is needed as one.
    found = rows.pages_on_paths(prefixes)
    for candidate in chain:
        for depth in range(len(components), -1, -1):
            url_path = roots[candidate] + "".join(f"{c}/" for c in components[:depth])
            if url_path in found:
                try:
                    page = rows.specific_page(*found[url_path])
                    return page.route(request, components[depth:]), candidate
                except (Http404, ObjectDoesNotExist):  # ObjectDoesNotExist: deleted meanwhile
                    break
    raise Http404


def serve_route(request, route, requested, shown):
    """Serve a routed page through Wagtail's serve view (hooks, view restrictions, caching)."""
    if shown != requested:
        request.welcome_fallback = Fallback(
            requested=registry.get(requested), shown=registry.get(shown)
        )
    # Wagtail's serve view reuses a route cached on the request (documented on
    # Page.route_for_request), so view restrictions and serve hooks apply as usual.
    request._wagtail_route_for_request = route
    page = route[0]
    mark_cacheable(
        request,
        page_id=page.pk,
        translation_key=str(page.translation_key),
        requested=requested,
        shown=shown,
    )
    return wagtail_serve(request, request.path_info)
