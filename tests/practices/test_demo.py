"""The demo library: ten practices and five challenges, the library in every active language."""

import pytest
from django.core.cache import cache
from wagtail.models import Page, PageLogEntry, Revision

from welcome.languages import registry
from welcome.practices.demo import load_practices
from welcome.practices.models import Adoption, Challenge, PracticeIndexPage, PracticePage

from ..html import html_attrs, soup

pytestmark = pytest.mark.django_db


def quiet(message):
    pass


@pytest.fixture(scope="module")
def demo_library(translated_site_ids):
    cache.clear()
    load_practices(quiet)


def test_the_library_exists_in_every_active_language_with_ten_practices(demo_library):
    for code in registry.active_codes():
        assert PracticeIndexPage.objects.live().filter(locale__language_code=code).count() == 1
        practices = PracticePage.objects.live().filter(locale__language_code=code)
        assert practices.count() == 10, code
        assert practices.filter(visibility="public").count() == 9, code


def test_every_language_has_its_own_titles_and_summaries(demo_library):
    danish = {p.translation_key: p for p in PracticePage.objects.filter(locale__language_code="da")}
    for code in registry.active_codes():
        if code == "da":
            continue
        for practice in PracticePage.objects.filter(locale__language_code=code):
            source = danish[practice.translation_key]
            assert practice.title and practice.title != source.title, (code, source.slug)
            assert practice.summary and practice.summary != source.summary, (code, source.slug)


def test_the_demo_has_five_challenges_linked_to_practices(demo_library):
    assert Challenge.objects.count() == 5
    assert Challenge.objects.filter(practice_links__isnull=False).distinct().count() == 4
    assert Adoption.objects.count() == 6


@pytest.mark.parametrize("code", ["da", "en", "ar", "tr", "ur", "so", "fa", "pl", "uk"])
def test_the_library_and_a_practice_render_in_every_active_language(demo_library, client, code):
    library = PracticeIndexPage.objects.get(locale__language_code=code)
    listing = client.get(library.url, {"channel": "sign"})
    assert listing.status_code == 200
    assert html_attrs(listing) == (code, registry.get(code).direction)
    cards = soup(listing).select(".practice-card h3 a")
    assert len(cards) == 1  # the signage practice; the other sign practice is internal

    practice = client.get(cards[0]["href"])
    assert practice.status_code == 200
    page = soup(practice)
    assert page.h1.get_text(strip=True) == cards[0].get_text(strip=True)
    assert page.select_one(".practice header")["lang"] == code


def test_a_practice_translated_in_part_points_to_the_full_description(demo_library, client):
    somali = PracticePage.objects.get(locale__language_code="so", slug="farveblind-dialog")

    page = soup(client.get(somali.url))

    link = next(a for a in page.select(".notice a") if a.get("hreflang") == "en")
    assert link["href"] == "/en/practices/farveblind-dialog/"
    assert page.select_one(".rich-text") is None  # no Danish text passed off as Somali


def test_loading_the_demo_library_again_changes_nothing(demo_library):
    counts = (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        Challenge.objects.count(),
        Adoption.objects.count(),
    )

    load_practices(quiet)

    assert (
        Page.objects.count(),
        Revision.objects.count(),
        PageLogEntry.objects.count(),
        Challenge.objects.count(),
        Adoption.objects.count(),
    ) == counts
