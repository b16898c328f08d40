"""The demo site: welcome pages, leaflets, signs and films in every active language, their
translations recorded as units in a realistic mix, loaded once for the module (loading it is the
slowest setup in the suite) and idempotently."""

import pytest
from django.core.files.storage import default_storage
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision

from welcome.languages import registry
from welcome.leaflets.models import LeafletPage
from welcome.pages.models import HomePage, TopicPage
from welcome.signs.models import Sign
from welcome.translation import overview
from welcome.translation.models import TranslationRequest, Unit, UnitState
from welcome.videos.models import DubbedVideo, SubtitleTrack, Video, VideoPage

from .html import html_attrs, soup

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def demo_site(module_transaction):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


def test_demo_has_a_home_and_six_topics_in_every_active_language(demo_site):
    for code in registry.active_codes():
        assert HomePage.objects.live().filter(locale__language_code=code).count() == 1
        assert TopicPage.objects.live().filter(locale__language_code=code).count() == 6


def test_demo_translations_keep_the_danish_facts(demo_site, client):
    da = TopicPage.objects.get(locale__language_code="da", slug="adresse-og-cpr-nummer")
    ar = TopicPage.objects.get(locale__language_code="ar", translation_key=da.translation_key)

    da_card = next(block.value for block in da.body if block.block_type == "contact")
    ar_card = next(block.value for block in ar.body if block.block_type == "contact")
    assert ar_card["phone"] == da_card["phone"]
    assert ar_card["address"] == da_card["address"]
    assert ar_card["note"] != da_card["note"]
    assert [block.id for block in ar.body] == [block.id for block in da.body]


def test_demo_pages_render_their_own_language(demo_site, client):
    response = client.get("/ur/adresse-og-cpr-nummer/")

    assert response.status_code == 200
    assert soup(response).article["lang"] == "ur"
    assert soup(response).select(".notice") == []


def test_two_leaflets_three_signs_and_two_films_in_every_active_language(demo_site):
    for code in registry.active_codes():
        assert LeafletPage.objects.live().filter(locale__language_code=code).count() == 2, code
        assert Sign.objects.filter(live=True, locale__language_code=code).count() == 3, code
        assert VideoPage.objects.live().filter(locale__language_code=code).count() == 2, code


def test_every_film_has_subtitles_in_at_least_four_languages(demo_site):
    for page in VideoPage.objects.all():
        assert SubtitleTrack.objects.filter(page=page).count() >= 4


def test_every_demo_sign_fits_the_sign_in_every_language(demo_site):
    for sign in Sign.objects.select_related("locale"):
        sign.full_clean()


def test_translations_keep_the_danish_facts_and_block_ids(demo_site):
    da = LeafletPage.objects.get(locale__language_code="da", slug="velkommen-til-koebenhavn")
    ur = LeafletPage.objects.get(locale__language_code="ur", translation_key=da.translation_key)

    assert ur.edition == da.edition
    assert [block.id for block in ur.sections] == [block.id for block in da.sections]
    da_card, ur_card = (
        next(b.value for b in page.sections if b.block_type == "contact") for page in (da, ur)
    )
    assert (ur_card["phone"], ur_card["address"]) == (da_card["phone"], da_card["address"])
    assert ur_card["note"] != da_card["note"]


@pytest.mark.parametrize(
    "path",
    [
        "pjecer/",
        "pjecer/laer-dansk/",
        "pjecer/laer-dansk/print/?bilingual=beside",
        "film/",
        "film/laer-dansk/",
    ],
)
def test_demo_pages_render_in_arabic_without_a_fallback(client, demo_site, path):
    response = client.get(f"/ar/{path}")

    assert response.status_code == 200
    assert html_attrs(response) == ("ar", "rtl")
    assert soup(response).select(".notice") == []


def test_the_english_film_plays_its_dubbed_version(client, demo_site):
    da = soup(client.get("/da/film/laer-dansk/")).select_one("video source")["src"]
    en = soup(client.get("/en/film/laer-dansk/")).select_one("video source")["src"]

    dub = DubbedVideo.objects.select_related("video").filter(language="en").first()
    assert en == dub.video.file.url
    assert da != en


def test_demo_translations_are_approved_units_with_a_realistic_mix(demo_site):
    states = set(Unit.objects.values_list("state", flat=True))

    assert {UnitState.APPROVED, UnitState.OUTDATED, UnitState.REVIEW, UnitState.DRAFT} <= states
    assert Unit.objects.filter(state=UnitState.OUTDATED, critical=True).exists()
    assert TranslationRequest.objects.open().count() >= 3
    _codes, rows = overview.build()
    cells = {cell.state for row in rows for cell in row.cells}
    assert {"published", "outdated", "review", "missing", "progress"} <= cells


def test_the_arabic_cpr_page_shows_the_outdated_notice(demo_site, client):
    html = client.get("/ar/adresse-og-cpr-nummer/").content.decode()

    assert "notice--outdated" in html
    assert 'href="/da/adresse-og-cpr-nummer/"' in html


def test_loading_the_demo_again_changes_nothing(demo_site):
    def state():
        return (
            sorted(Unit.objects.values_list("pk", "state", "version", "target_text")),
            TranslationRequest.objects.count(),
            Page.objects.count(),
            Revision.objects.count(),
            PageLogEntry.objects.count(),
            Sign.objects.count(),
            Video.objects.count(),
            SubtitleTrack.objects.count(),
            sorted(default_storage.listdir("videos")[1]),
            sorted(default_storage.listdir("subtitles")[1]),
        )

    before = state()

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert state() == before
