"""Public search: pages of the reader's language, found by analysed words (see
welcome.languages.analysis), so Danish and Arabic stemming work on SQLite and PostgreSQL alike."""

from wagtail.models import Locale, Page
from wagtail.search.query import PlainText

from welcome.languages import analysis


def search_pages(query, language_code):
    """Live public pages in ``language_code`` matching every analysed word of ``query``."""
    words = analysis.analyse_query(query, language_code)
    if not words:
        return Page.objects.none()
    locale = Locale.objects.filter(language_code=language_code).first()
    if locale is None:
        return Page.objects.none()
    pages = Page.objects.live().public().filter(locale=locale).specific()
    return pages.search(PlainText(" ".join(words), operator="and"), order_by_relevance=True)
