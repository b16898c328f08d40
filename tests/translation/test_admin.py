"""Admin integration: "Publish as minor edit" in the page editor, the request action on pages and
in bulk, and the preview of a translation."""

import pytest
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from tests.factories import TopicPageFactory, publish
from welcome.pages.models import TopicPage
from welcome.translation import services
from welcome.translation.models import UnitState

from .test_services import translate_all
from .test_views import editor_url


@pytest.fixture
def plain_topic(site, users, arabic, django_capture_on_commit_callbacks):
    """A topic with no body, fully translated into Arabic and approved."""
    with django_capture_on_commit_callbacks(execute=True):
        page = publish(
            TopicPageFactory(parent=site["home"], title="Kort side", slug="kort", body=[])
        )
    services.request_translation(page, ["ar"], requested_by=users["officer"])
    translate_all(services.units_for(page, arabic), users["translator_ar"])
    services.approve(list(services.units_for(page, arabic)), user=users["reviewer_ar"])
    return page


def edit_form(page, intro, action):
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "intro": intro,
            "icon": page.icon,
            "body": streamfield([]),
            "comments": inline_formset([]),
            "seo_title": "",
            "search_description": "",
        }
    ) | {"action-publish": action}


@pytest.mark.parametrize(
    ("action", "expected"), [("minor", "approved"), ("action-publish", "outdated")]
)
def test_publishing_from_the_page_editor_minor_or_not(
    client, plain_topic, users, arabic, django_capture_on_commit_callbacks, action, expected
):
    client.force_login(users["officer"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtailadmin_pages:edit", args=[plain_topic.pk]),
            edit_form(plain_topic, "En ny indledning.", action),
        )

    assert response.status_code == 302, response.content.decode()[:2000]
    assert TopicPage.objects.get(pk=plain_topic.pk).intro == "En ny indledning."
    intro = services.units_for(plain_topic, arabic).get(key="intro")
    assert (intro.source_text, intro.state) == ("En ny indledning.", expected)


def test_the_page_editor_offers_minor_edit_and_request_translation_to_officers(
    client, plain_topic, users
):
    client.force_login(users["officer"])

    html = client.get(reverse("wagtailadmin_pages:edit", args=[plain_topic.pk])).content.decode()

    assert 'name="action-publish" value="minor"' in html
    assert reverse("translation:request") in html


def test_the_bulk_action_leads_to_the_request_form_with_the_pages(client, site, users):
    client.force_login(users["officer"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "request_translation"])

    response = client.get(url, {"id": [site["topic"].pk, site["home"].pk]})

    assert response.status_code == 302
    form = client.get(response["Location"]).content.decode()
    assert site["topic"].title in form and site["home"].title in form


def test_preview_shows_the_translation_in_progress(client, plain_topic, users, arabic):
    unit = services.units_for(plain_topic, arabic).get(key="intro")
    services.save_unit(unit, "مقدمة قيد العمل", version=unit.version, user=users["translator_ar"])
    client.force_login(users["translator_ar"])

    response = client.get(editor_url(plain_topic, "ar") + "preview/")

    assert response.status_code == 200
    assert "مقدمة قيد العمل" in response.content.decode()
    assert TopicPage.objects.get(pk=plain_topic.pk).intro != "مقدمة قيد العمل"
    assert services.units_for(plain_topic, arabic).get(key="intro").state == UnitState.DRAFT
