import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from welcome.pages.models import HomePage, TopicPage

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client, db):
    user = get_user_model().objects.create_superuser("editor", "editor@example.invalid", "x" * 12)
    client.force_login(user)
    return client


def topic_form(**overrides):
    data = {
        "title": "Bolig",
        "slug": "bolig",
        "intro": "Sådan finder du en bolig i København.",
        "icon": "home",
        "body": streamfield(
            [
                ("heading", "Find en bolig"),
                ("paragraph", rich_text("<p>Skriv dig op til en <b>almen bolig</b>.</p>")),
            ]
        ),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def test_editor_creates_and_publishes_a_topic_page(admin_client, home, client):
    url = reverse("wagtailadmin_pages:add", args=("pages", "topicpage", home.pk))

    response = admin_client.post(url, topic_form())

    assert response.status_code == 302
    topic = TopicPage.objects.get(slug="bolig")
    assert topic.live
    assert topic.get_parent().pk == home.pk
    assert [block.block_type for block in topic.body] == ["heading", "paragraph"]
    public = client.get("/da/bolig/")
    assert public.status_code == 200
    assert "almen bolig" in public.content.decode()


def test_a_wrong_phone_number_in_a_contact_card_is_refused_with_a_message(admin_client, home):
    url = reverse("wagtailadmin_pages:add", args=("pages", "topicpage", home.pk))
    contact = {
        "name": "Borgerservice",
        "address": "",
        "phone": "call us!",
        "email": "",
        "website": "",
        "opening_hours": {"count": "0"},
        "note": "",
    }

    response = admin_client.post(url, topic_form(body=streamfield([("contact", contact)])))

    assert response.status_code == 200
    assert "Enter a phone number" in response.content.decode()
    assert not TopicPage.objects.filter(slug="bolig").exists()


def test_topic_pages_can_only_be_created_under_a_home_or_topic_page():
    assert TopicPage.can_create_at(HomePage())
    assert TopicPage in HomePage.allowed_subpage_models()
    assert TopicPage.allowed_parent_page_models() == [HomePage, TopicPage]
