import pytest
from django.core.management import call_command
from wagtail.models import Page, PageLogEntry, Revision

from welcome.languages import registry
from welcome.pages.models import HomePage, TopicPage

from ..html import soup


@pytest.fixture(scope="module")
def demo_site(module_transaction):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115


pytestmark = pytest.mark.django_db


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


def test_loading_the_demo_again_changes_nothing(demo_site):
    counts = (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count())

    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115

    assert (Page.objects.count(), Revision.objects.count(), PageLogEntry.objects.count()) == counts
