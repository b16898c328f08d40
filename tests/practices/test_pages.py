"""The library's page types in the admin and on the site: creation, tree rules, rendering."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from welcome.pages.models import HomePage, TopicPage
from welcome.practices.models import Department, PracticeIndexPage, PracticePage

from ..html import interface, soup, text
from .factories import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("admin", "admin@example.invalid", "x" * 12)
    client.force_login(user)
    return client


def test_an_administrator_creates_a_library_under_the_home_page(admin_client, library, client):
    home = library.get_parent()
    library.delete()  # start from a home page without one
    url = reverse("wagtailadmin_pages:add", args=("practices", "practiceindexpage", home.pk))

    response = admin_client.post(
        url,
        nested_form_data(
            {
                "title": "God praksis",
                "slug": "practices",
                "intro": "Gode eksempler.",
                "action-publish": "publish",
            }
        ),
    )

    assert response.status_code == 302
    library = PracticeIndexPage.objects.get()
    assert library.live
    # A new library is moderated: it gets the workflow at once.
    assert library.get_workflow().name == "Good-practice moderation"
    assert client.get("/da/practices/").status_code == 200


def test_an_editor_publishes_a_practice_with_figures_and_an_attachment(
    admin_client, library, client
):
    url = reverse("wagtailadmin_pages:add", args=("practices", "practicepage", library.pk))
    bif = Department.objects.get(slug="bif")
    data = {
        "title": "Tolk ved forældremøder",
        "slug": "tolk",
        "summary": "Skolen bestiller tolk til forældremøder.",
        "challenge": "Forældrene forstod ikke skolens forventninger.",
        "what_was_done": rich_text("<p>Vi bestilte <b>tolk</b>.</p>"),
        "results": rich_text("<p>Flere forældre kom.</p>"),
        "key_figures": streamfield([("figure", {"value": "+40 %", "label": "fremmøde"})]),
        "status": "proven",
        "visibility": "public",
        "started_on": "2023-01-01",
        "ended_on": "",
        "cost_dkk": "12000",
        "cost_note": "tolke",
        "department": str(bif.pk),
        "contact_role": "Skoleleder",
        "contact_email": "skole@example.invalid",
        "source_name": "",
        "source_url": "",
        "source_department": "",
        "attachments": inline_formset(
            [{"title": "Skabelon", "url": "https://example.org/skabelon.pdf", "document": ""}]
        ),
        "related_links": inline_formset([]),
        "action-publish": "publish",
    }

    form = nested_form_data(data)
    form["departments"] = [str(Department.objects.get(slug="buf").pk)]  # a multiple choice

    response = admin_client.post(url, form)

    assert response.status_code == 302
    practice = PracticePage.objects.get(slug="tolk")
    assert practice.live
    assert {d.slug for d in practice.departments.all()} == {"bif", "buf"}  # owner added
    page = client.get(practice.url)
    assert "+40 %" in text(page)
    assert soup(page).select_one('a[href="https://example.org/skabelon.pdf"]') is not None
    assert "12.000" in text(page)


def test_an_end_before_the_start_is_refused(admin_client, library):
    practice = make_practice(library, slug="datoer")
    practice.started_on, practice.ended_on = "2023-05-01", "2023-01-01"

    with pytest.raises(Exception, match="end date"):
        practice.full_clean()


def test_page_tree_rules():
    assert PracticeIndexPage.allowed_parent_page_models() == [HomePage]
    assert PracticeIndexPage.allowed_subpage_models() == [PracticePage]
    assert PracticePage.allowed_parent_page_models() == [PracticeIndexPage]
    assert PracticePage.allowed_subpage_models() == []
    assert PracticeIndexPage not in TopicPage.allowed_subpage_models()


def test_one_library_per_home_page(library):
    assert not PracticeIndexPage.can_create_at(library.get_parent())


def test_a_practice_page_shows_its_facts_in_the_readers_language(client, library):
    practice = make_practice(
        library,
        slug="fakta",
        channels=["sign"],
        languages=["so", "da"],
        target_groups=["parents"],
        cost_dkk=180000,
    )

    page = soup(client.get(practice.url))

    facts = page.select_one(".facts").get_text(" ", strip=True)
    assert "Skilt" in facts and "Forældre" in facts
    assert "180.000" in facts
    somali = page.select_one('.languages-used span[lang="so"]')
    assert somali.get_text() == "Soomaali"
    # Danish in Danish needs no second name.
    assert page.select_one('.languages-used span[lang="da"]') is None


def test_the_library_page_links_its_feed(client, library):
    page = soup(client.get(library.url))

    feed = page.select_one('link[type="application/rss+xml"]')
    assert feed["href"] == "/da/practices/feed/"


def test_an_external_practice_shows_where_it_comes_from(client, library):
    practice = make_practice(
        library,
        slug="aarhus",
        department=None,
        source_name="Aarhus Kommune",
        source_url="https://aarhus.example/praksis/1",
        source_department="Borgerservice",
    )

    response = client.get(practice.url)

    shared = interface(
        "A practice from %(source)s, shared with Copenhagen.", "da", source="Aarhus Kommune"
    )
    assert shared in text(response)
    assert soup(response).select_one('a[href="https://aarhus.example/praksis/1"]') is not None
    listing = client.get(library.url)
    assert interface("Shared by %(source)s", "da", source="Aarhus Kommune") in text(listing)
