"""Links to the same content in every active language: the picker and ``hreflang`` alternates.

Built from one query, whatever the number of languages.
"""

from dataclasses import dataclass
from urllib.parse import quote

from django.conf import settings
from django.db.models import F
from django.urls import Resolver404, get_script_prefix, resolve, reverse
from django.utils import translation
from django.utils.translation import override
from wagtail.models import Page, Site

from welcome.core.sites import find_site

from . import registry, rows
from .info import Language

# What ``reverse`` leaves unquoted in a path (Django's ``_reverse_with_prefix``).
_PATH_SAFE = "!$&'()*+,;=/~:@"


@dataclass(frozen=True)
class LanguageLink:
    language: Language
    url: str
    is_current: bool
    # True when the content itself exists in this language, False when the link leads to a
    # fallback. ``alternate_url`` is then the translation's own address, and ``alternate_href``
    # the same as an absolute URL (for hreflang; a translation on another site already is one).
    exists: bool
    alternate_url: str = ""
    alternate_href: str = ""


def live_translations(page):
    """``{language_code: page}`` for the live translations of ``page`` (itself included)."""
    pages = (
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .annotate(language_code=F("locale__language_code"))
        .only("id", "url_path", "translation_key", "locale_id", "path", "depth")
    )
    return {translated.language_code: translated for translated in pages}


def in_languages(path, codes):
    """``{code: path}``: ``path``, reversed in the active language, with each of ``codes``
    as its language prefix instead. The URLs of a view differ only in that prefix (every public
    URL is under ``i18n_patterns``), so one ``reverse`` serves every language."""
    current = translation.get_language()
    head = f"{get_script_prefix()}{current}/"
    if not path.startswith(head):  # not a language-prefixed URL: reverse it in each language
        return {code: _reversed_in(code, path) for code in codes}
    tail = path[len(head) :]
    return {code: f"{get_script_prefix()}{code}/{tail}" for code in codes}


def _reversed_in(code, path):
    match = resolve(path)
    with override(code):
        return reverse(match.view_name, args=match.args, kwargs=match.kwargs)


def page_in_language_urls(page_id):
    """``{code: url}`` of the page-in-language view for every active language."""
    path = reverse("languages:page_in_language", args=[page_id])
    return in_languages(path, registry.active_codes())


def live_translation_urls(request, page):
    """``{language_code: url}`` of the live translations of ``page`` (itself included), in one
    query of plain rows: each URL is what ``Page.get_url(request)`` gives, computed from the
    page's ``url_path`` and the site root paths instead of building a page object and reversing
    once per language."""
    translations = rows.live_translation_paths(page.translation_key)
    roots = site_root_paths(request)
    site = find_site(request)
    serve_roots = in_languages(
        reverse("wagtail_serve", args=("",)), {root.language_code for root in roots}
    )
    # A live translation that no site holds has no URL ("" rather than Wagtail's None).
    return {
        code: _page_url(url_path, roots, site, serve_roots) or "" for code, url_path in translations
    }


def site_root_paths(request):
    """Wagtail's site root paths, kept on the request as Wagtail's own URL methods keep them."""
    try:
        return request._wagtail_cached_site_root_paths
    except AttributeError:
        request._wagtail_cached_site_root_paths = Site.get_site_root_paths()
        return request._wagtail_cached_site_root_paths


def _page_url(url_path, roots, current_site, serve_roots):
    """``Page.get_url`` for a page at ``url_path``: relative on the current site (or where there is
    only one), absolute on another; ``None`` when no site holds the page."""
    candidates = [root for root in roots if url_path.startswith(root.root_path)]
    if not candidates:
        return None
    chosen = candidates[0]  # most specific root path first (Site.get_site_root_paths' order)
    if current_site is not None and len({root.site_id for root in candidates}) > 1:
        chosen = next(
            (root for root in candidates if root.site_id == current_site.pk), candidates[0]
        )
    path = serve_roots[chosen.language_code] + quote(
        url_path[len(chosen.root_path) :], safe=_PATH_SAFE
    )
    if not getattr(settings, "WAGTAIL_APPEND_SLASH", True) and path != "/":
        path = path.rstrip("/")
    if (current_site is not None and chosen.site_id == current_site.pk) or len(
        {root.site_id for root in roots}
    ) == 1:
        return path
    return chosen.root_url + path


def for_page(request, page):
    """Picker links for a page: its translation where one is live, else the fallback view."""
    current = translation.get_language()
    translations = live_translation_urls(request, page)
    urls = page_in_language_urls(page.pk)
    links = []
    for language in registry.active():
        translated = translations.get(language.code)
        links.append(
            LanguageLink(
                language=language,
                # The picker goes through the page-in-language view, which remembers the choice
                # and redirects to the translation (or serves a fallback).
                url=request.get_full_path() if language.code == current else urls[language.code],
                is_current=language.code == current,
                exists=translated is not None,
                alternate_url=translated or "",
                alternate_href=request.build_absolute_uri(translated) if translated else "",
            )
        )
    return links


def for_path(request):
    """Picker links for a view that is not a page: the same view in each language, or the home page
    where the path does not resolve to a named view."""
    current = translation.get_language()
    try:
        match = resolve(request.path_info)
    except Resolver404:
        match = None
    links = []
    for language in registry.active():
        with override(language.code):
            if match is not None and match.url_name not in (None, "wagtail_serve"):
                url = reverse(match.view_name, args=match.args, kwargs=match.kwargs)
                if request.META.get("QUERY_STRING"):
                    url = f"{url}?{request.META['QUERY_STRING']}"
            else:
                url = f"/{language.code}/"
        links.append(
            LanguageLink(
                language=language,
                url=url,
                is_current=language.code == current,
                exists=match is not None,
                alternate_url=url if match is not None else "",
                alternate_href=request.build_absolute_uri(url) if match is not None else "",
            )
        )
    return links
