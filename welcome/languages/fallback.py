"""Serving a page in the reader's language, or, where it is missing, in the first fallback language
that has it (English, then Danish), with a notice in the reader's language."""

from dataclasses import dataclass

from django.db.models import F
from django.http import Http404
from wagtail.models import Page, Site
from wagtail.views import serve as wagtail_serve

from . import registry
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


def live_roots(site):
    """``{language_code: home page}`` for the live translations of the site's root page."""
    roots = (
        Page.objects.live()
        .filter(translation_key=site.root_page.translation_key)
        .annotate(language_code=F("locale__language_code"))
    )
    return {root.language_code: root for root in roots}


def route_in_languages(request, path, code):
    """Route ``path`` in ``code`` or its fallbacks; return ``(route result, language code)``."""
    site = Site.find_for_request(request)
    if site is None:
        raise Http404
    roots = live_roots(site)
    components = [component for component in path.split("/") if component]
    for candidate in registry.fallback_chain(code):
        root = roots.get(candidate)
        if root is None:
            continue
        try:
            return root.specific.route(request, components), candidate
        except Http404:
            continue
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
    return wagtail_serve(request, request.path_info)
