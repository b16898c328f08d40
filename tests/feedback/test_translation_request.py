"""Turning reader feedback into a translation request in the reader's language's queue, routed to
that language's translators (the translation engine's ``request_translation``)."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from tests.factories import translate
from welcome.feedback.models import Feedback, Kind, State
from welcome.languages import registry
from welcome.translation import roles, setup
from welcome.translation.models import Priority, TranslationRequest, Unit, UnitState

from .conftest import speaks_english


@pytest.fixture
def arabic_topic(home, topic):
    translate(home, "ar")
    page = translate(topic, "ar")
    setup.ensure_all()
    return page


def member(username, group):
    user = get_user_model().objects.create_user(username, f"{username}@example.invalid", "x" * 12)
    user.groups.add(Group.objects.get(name=group))
    return user


def make(page, language="ar", kind=Kind.TRANSLATION_WRONG, comment="Forkert telefonnummer"):
    return Feedback.objects.create(
        page=page, language=language, content_language="ar", kind=kind, comment=comment
    )


def test_feedback_becomes_a_request_in_the_readers_language_queue(
    admin_client, arabic_topic, topic
):
    translator = member("oversaetter-ar", roles.translators_group_name(registry.get("ar")))
    item = make(arabic_topic)

    page = admin_client.get(f"/admin/feedback/{item.pk}/").content.decode()
    assert "Ask the Arabic translators to look at the page" in page
    assert f'<option value="{translator.pk}">oversaetter-ar</option>' in page
    admin_client.post(
        f"/admin/feedback/{item.pk}/translation/",
        {"assignee": translator.pk, "due": "2026-12-01"},
    )

    made = TranslationRequest.objects.get()
    assert made.translation_key == topic.translation_key
    assert made.locale.language_code == "ar"
    assert made.assignee == translator
    assert str(made.due) == "2026-12-01"
    assert made.priority == Priority.HIGH  # a wrong translation
    assert "Forkert telefonnummer" in made.note
    item.refresh_from_db()
    assert item.translation_request == made and item.state == State.HANDLED
    detail = admin_client.get(f"/admin/feedback/{item.pk}/").content.decode()
    editor = reverse("translation:editor", args=[made.content_type_id, made.translation_key, "ar"])
    assert f'href="{editor}"' in detail


def test_without_an_assignee_the_request_goes_to_the_whole_team(admin_client, arabic_topic):
    item = make(arabic_topic, kind=Kind.TRANSLATION_UNCLEAR)
    admin_client.post(f"/admin/feedback/{item.pk}/translation/", {"assignee": "", "due": ""})
    made = TranslationRequest.objects.get()
    assert made.assignee is None and made.priority == Priority.NORMAL


def test_a_translator_of_another_language_cannot_be_assigned(admin_client, arabic_topic):
    urdu = member("oversaetter-ur", roles.translators_group_name(registry.get("ur")))
    item = make(arabic_topic)

    response = admin_client.post(f"/admin/feedback/{item.pk}/translation/", {"assignee": urdu.pk})

    assert [str(m) for m in response.wsgi_request._messages] == [
        "Choose a translator of this language, or nobody."
    ]
    assert TranslationRequest.objects.count() == 0
    item.refresh_from_db()
    assert item.translation_request is None and item.state == State.OPEN


def test_feedback_from_a_danish_reader_cannot_become_a_translation_request(
    admin_client, arabic_topic, topic
):
    item = make(topic, language="da")
    assert (
        "Make a translation request"
        not in admin_client.get(f"/admin/feedback/{item.pk}/").content.decode()
    )

    response = admin_client.post(f"/admin/feedback/{item.pk}/translation/", {})

    assert [str(m) for m in response.wsgi_request._messages] == [
        "The reader read the Danish page: there is nothing to translate."
    ]
    assert TranslationRequest.objects.count() == 0


def test_only_one_request_per_feedback(admin_client, arabic_topic):
    item = make(arabic_topic)
    admin_client.post(f"/admin/feedback/{item.pk}/translation/", {})
    response = admin_client.post(f"/admin/feedback/{item.pk}/translation/", {})
    assert "A translation request was already made from this feedback." in [
        str(m) for m in response.wsgi_request._messages
    ]
    assert TranslationRequest.objects.count() == 1


def test_an_officer_without_the_request_role_is_refused(client, arabic_topic):
    from django.contrib.auth.models import Permission

    user = get_user_model().objects.create_user("feedback-only", password="x" * 12)
    user.user_permissions.add(
        *Permission.objects.filter(
            codename__in=["access_admin", "view_feedback", "change_feedback"]
        )
    )
    client.force_login(speaks_english(user))
    item = make(arabic_topic)

    assert (
        "Make a translation request"
        not in client.get(f"/admin/feedback/{item.pk}/").content.decode()
    )
    client.post(f"/admin/feedback/{item.pk}/translation/", {})

    assert TranslationRequest.objects.count() == 0
    item.refresh_from_db()
    assert item.translation_request is None


def test_the_overview_lists_critical_outdated_translations(admin_client, arabic_topic, topic):
    from welcome.translation.services import request_translation

    request_translation(topic, ["ar"], requested_by=None)
    units = Unit.objects.filter(translation_key=topic.translation_key, locale__language_code="ar")
    assert units.count() >= 2
    first, second = units.order_by("pk")[:2]
    Unit.objects.filter(pk__in=[first.pk, second.pk]).update(
        state=UnitState.OUTDATED, critical=True
    )

    html = admin_client.get("/admin/").content.decode()

    section = html[html.index("Critical outdated translations") :]
    section = section[: section.index("Open feedback")]
    assert topic.title in section
    assert "<td>ar</td><td>2</td>" in section
