"""Links to the same content in every active language: the picker and ``hreflang`` alternates.

Built from one query, whatever the number of languages.
"""

from dataclasses import dataclass

from django.db.models import F
from django.urls import Resolver404, resolve, reverse
from django.utils import translation
from django.utils.translation import override
from wagtail.models import Page

from . import registry
from .info import Language


@dataclass(frozen=True)
class LanguageLink:
    language: Language
    url: str
    is_current: bool
    # True when the content itself exists in this language, False when the link leads to a
    # fallback. ``alternate_url`` is then the translation's own address (for hreflang).
    exists: bool
    alternate_url: str = ""


def live_translations(page):
    """``{language_code: page}`` for the live translations of ``page`` (itself included)."""
    pages = (
        Page.objects.live()
        .filter(translation_key=page.translation_key)
        .annotate(language_code=F("locale__language_code"))
        .only("id", "url_path", "translation_key", "locale_id", "path", "depth")
    )
    return {translated.language_code: translated for translated in pages}


def page_in_language_urls(page_id):
    """``{code: url}`` of the page-in-language view for every active language. One ``reverse``:
    the URLs differ only in their language prefix."""
    current = translation.get_language()
    path = reverse("languages:page_in_language", args=[page_id])
    suffix = path.removeprefix(f"/{current}")
    return {code: f"/{code}{suffix}" for code in registry.active_codes()}


def for_page(request, page):
    """Picker links for a page: its translation where one is live, else the fallback view."""
    current = translation.get_language()
    translations = live_translations(page)
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
                alternate_url=translated.get_url(request) if translated is not None else "",
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
            )
        )
    return links
