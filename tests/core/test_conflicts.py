import pytest
from django.contrib.auth import get_user_model
from django.contrib.messages import get_messages
from django.test import Client
from django.urls import reverse
from wagtail.test.utils.form_data import nested_form_data, streamfield
from wagtail.users.models import UserProfile

from welcome.pages.models import TopicPage

pytestmark = pytest.mark.django_db


def editor(name):
    user = get_user_model().objects.create_superuser(name, f"{name}@example.invalid", "x" * 12)
    UserProfile.objects.filter(user=user).update(preferred_language="en")
    client = Client(headers={"Accept-Language": "en"})
    client.force_login(user)
    return client


def edit(client, page, title, loaded_revision_id):
    return client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]),
        nested_form_data(
            {
                "title": title,
                "slug": page.slug,
                "intro": page.intro,
                "icon": page.icon,
                "body": streamfield([]),
                "loaded_revision_id": str(loaded_revision_id),
                "action-publish": "publish",
            }
        ),
        follow=True,
    )


def test_the_second_of_two_editors_gets_a_conflict_and_nothing_is_lost(topic):
    amina, bo = editor("amina"), editor("bo")
    loaded = topic.get_latest_revision().pk  # both opened the editor on this revision

    edit(amina, topic, "Aminas titel", loaded)
    response = edit(bo, topic, "Bos titel", loaded)

    topic = TopicPage.objects.get(pk=topic.pk)
    assert topic.title == "Aminas titel"  # live: the first editor's published version
    assert topic.get_latest_revision().as_object().title == "Bos titel"  # kept as a draft
    assert topic.has_unpublished_changes
    warnings = [str(m) for m in get_messages(response.wsgi_request)]
    assert any("amina saved this page" in m and "were not published" in m for m in warnings)


def test_an_editor_without_a_conflict_publishes_as_usual(topic):
    amina = editor("amina")

    edit(amina, topic, "Ny titel", topic.get_latest_revision().pk)

    assert TopicPage.objects.get(pk=topic.pk).title == "Ny titel"
