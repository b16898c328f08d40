"""Editors create leaflet lists and leaflets in the admin; the page tree rules hold."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from welcome.leaflets.models import LeafletIndexPage, LeafletPage
from welcome.pages.models import HomePage, TopicPage

from ..factories import publish
from .factories import LeafletIndexPageFactory

pytestmark = pytest.mark.django_db


def listblock(values):
    """Admin form data of a ListBlock (wagtail.test.utils.form_data has none)."""
    items = {
        str(i): {"value": v, "deleted": "", "order": str(i), "id": ""} for i, v in enumerate(values)
    }
    return {"count": str(len(values)), **items}


def add_url(model, parent):
    return reverse(
        "wagtailadmin_pages:add", args=(model._meta.app_label, model._meta.model_name, parent.pk)
    )


def test_leaflet_list_is_created_under_the_home_page(admin_client, home):
    data = {"title": "Pjecer", "slug": "pjecer", "intro": "Pjecer til nye københavnere."}

    response = admin_client.post(add_url(LeafletIndexPage, home), {**data, "action-publish": "1"})

    assert response.status_code == 302
    index = LeafletIndexPage.objects.get(slug="pjecer")
    assert index.live and index.get_parent().specific == home


def test_leaflet_is_created_with_its_sections_in_the_admin(admin_client, home):
    index = publish(LeafletIndexPageFactory(parent=home))
    data = nested_form_data(
        {
            "title": "Lær dansk",
            "slug": "laer-dansk",
            "intro": "Sådan kommer du i gang.",
            "audience": "Nye københavnere",
            "edition": "2025-2",
            "sections": streamfield(
                [
                    ("section", {"heading": "Velkommen", "text": rich_text("<p>Hej.</p>")}),
                    ("checklist", {"heading": "Tag med", "items": listblock(["Pas"])}),
                ]
            ),
            "action-publish": "1",
        }
    )

    response = admin_client.post(add_url(LeafletPage, index), data)

    assert response.status_code == 302, response.content.decode()[-3000:]
    leaflet = LeafletPage.objects.get(slug="laer-dansk")
    assert leaflet.live
    assert [block.block_type for block in leaflet.sections] == ["section", "checklist"]
    assert list(leaflet.sections[1].value["items"]) == ["Pas"]
    assert admin_client.get(leaflet.url).status_code == 200


def test_leaflets_live_only_in_a_leaflet_list(home):
    assert LeafletIndexPage.can_create_at(home)
    assert not LeafletPage.can_create_at(home)
    assert "leaflets.LeafletIndexPage" in HomePage.subpage_types
    assert not LeafletIndexPage.can_exist_under(TopicPage())


def test_a_home_page_has_at_most_one_leaflet_list(home):
    publish(LeafletIndexPageFactory(parent=home))

    assert not LeafletIndexPage.can_create_at(home)
