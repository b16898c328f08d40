"""The officers' inbox: filter, assign, mark handled, turn into a communication challenge;
comments are shown escaped; only officers with the feedback permissions get in."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from welcome.feedback.models import Feedback, Kind, State
from welcome.practices.models import Challenge, Source
from welcome.translation import setup
from welcome.translation.roles import OFFICERS_GROUP

from .conftest import speaks_english


@pytest.fixture
def officer(db):
    group = Group.objects.create(name="Feedback officers")
    group.permissions.add(
        Permission.objects.get(codename="access_admin"),
        Permission.objects.get(codename="view_feedback"),
        Permission.objects.get(codename="change_feedback"),
    )
    user = get_user_model().objects.create_user("officer", password="x" * 12)
    user.groups.add(group)
    return speaks_english(user)


@pytest.fixture
def outsider(db):
    group = Group.objects.create(name="Page editors without feedback")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user = get_user_model().objects.create_user("outsider", password="x" * 12)
    user.groups.add(group)
    return speaks_english(user)


def make(page, **fields):
    values = {"language": "ar", "content_language": "ar", "kind": Kind.NOT_HELPFUL, **fields}
    return Feedback.objects.create(page=page, **values)


def test_the_inbox_lists_open_feedback_and_filters_it(client, officer, topic, home):
    make(topic, comment="Arabisk kommentar")
    make(topic, language="ur", kind=Kind.TRANSLATION_WRONG, comment="Urdu kommentar")
    make(home, language="ar", comment="Om forsiden")
    make(topic, comment="Færdig", state=State.HANDLED)
    client.force_login(officer)

    everything_open = client.get("/admin/feedback/").content.decode()
    assert "Arabisk kommentar" in everything_open
    assert "Urdu kommentar" in everything_open
    assert "Færdig" not in everything_open

    by_language = client.get("/admin/feedback/?language=ur").content.decode()
    assert "Urdu kommentar" in by_language and "Arabisk kommentar" not in by_language

    by_page = client.get(f"/admin/feedback/?page={home.pk}").content.decode()
    assert "Om forsiden" in by_page and "Arabisk kommentar" not in by_page

    by_type = client.get("/admin/feedback/?kind=translation_wrong").content.decode()
    assert "Urdu kommentar" in by_type and "Om forsiden" not in by_type

    handled = client.get("/admin/feedback/?state=handled").content.decode()
    assert "Færdig" in handled and "Arabisk kommentar" not in handled


def test_comments_are_rendered_escaped(client, officer, topic):
    item = make(topic, comment='<script>alert("x")</script><b>fed</b>')
    client.force_login(officer)

    for url in ("/admin/feedback/", f"/admin/feedback/{item.pk}/"):
        html = client.get(url).content.decode()
        assert "<script>alert" not in html
        assert "&lt;script&gt;alert" in html
        assert "<b>fed</b>" not in html


def test_assign_and_mark_handled(client, officer, topic):
    item = make(topic)
    client.force_login(officer)

    client.post(f"/admin/feedback/{item.pk}/assign/", {"assignee": officer.pk})
    client.post(f"/admin/feedback/{item.pk}/handled/", {"handled": "1"})

    item.refresh_from_db()
    assert item.assignee == officer
    assert item.state == State.HANDLED and item.handled_on is not None
    mine = client.get("/admin/feedback/?mine=on&state=handled").content.decode()
    assert f"/admin/feedback/{item.pk}/" in mine

    client.post(f"/admin/feedback/{item.pk}/handled/", {"handled": "0"})
    item.refresh_from_db()
    assert (item.state, item.handled_on) == (State.OPEN, None)


def test_assigning_someone_without_admin_access_is_refused(client, officer, topic):
    item = make(topic)
    stranger = get_user_model().objects.create_user("stranger", password="x" * 12)
    client.force_login(officer)

    response = client.post(f"/admin/feedback/{item.pk}/assign/", {"assignee": stranger.pk})

    assert response.status_code == 302
    messages = [str(m) for m in response.wsgi_request._messages]
    assert messages == ["Choose someone from the list."]
    item.refresh_from_db()
    assert item.assignee is None


def test_turn_feedback_into_a_communication_challenge(admin_client, topic):
    item = make(topic, kind=Kind.TRANSLATION_UNCLEAR, comment="Hvad er CPR?")

    admin_client.post(f"/admin/feedback/{item.pk}/challenge/", {"title": "CPR er uklart"})

    challenge = Challenge.objects.get()
    assert challenge.title == "CPR er uklart"
    assert challenge.source == Source.READER_FEEDBACK
    assert "Hvad er CPR?" in challenge.description
    assert [link.page_id for link in challenge.page_links.all()] == [topic.pk]
    item.refresh_from_db()
    assert item.challenge == challenge and item.state == State.HANDLED


def test_a_challenge_needs_a_title_and_is_made_once(admin_client, topic):
    item = make(topic)

    response = admin_client.post(f"/admin/feedback/{item.pk}/challenge/", {"title": "  "})
    assert [str(m) for m in response.wsgi_request._messages] == ["Give the challenge a title."]
    assert Challenge.objects.count() == 0

    admin_client.post(f"/admin/feedback/{item.pk}/challenge/", {"title": "Første"})
    response = admin_client.post(f"/admin/feedback/{item.pk}/challenge/", {"title": "Anden"})
    assert "This feedback is already a communication challenge." in [
        str(m) for m in response.wsgi_request._messages
    ]
    assert list(Challenge.objects.values_list("title", flat=True)) == ["Første"]


def test_an_officer_without_challenge_rights_cannot_make_one(client, officer, topic):
    item = make(topic)
    client.force_login(officer)

    assert (
        "Turn into a communication challenge"
        not in client.get(f"/admin/feedback/{item.pk}/").content.decode()
    )
    response = client.post(f"/admin/feedback/{item.pk}/challenge/", {"title": "Nej"})

    assert response.status_code == 302  # Wagtail sends a refused admin request to the dashboard
    assert Challenge.objects.count() == 0
    item.refresh_from_db()
    assert item.challenge is None and item.state == State.OPEN


def test_the_inbox_is_closed_to_editors_without_feedback_rights(client, outsider, topic):
    item = make(topic, comment="Fortroligt")
    client.force_login(outsider)

    for url in ("/admin/feedback/", f"/admin/feedback/{item.pk}/", "/admin/feedback/demand/"):
        response = client.get(url)
        assert "Fortroligt" not in response.content.decode()
        assert response.status_code in (302, 403)
    client.post(f"/admin/feedback/{item.pk}/handled/", {"handled": "1"})
    client.post(f"/admin/feedback/{item.pk}/assign/", {"assignee": outsider.pk})
    item.refresh_from_db()
    assert (item.state, item.assignee) == (State.OPEN, None)
    assert "Reader feedback" not in client.get("/admin/").content.decode()


def test_communication_officers_work_through_the_inbox(client, db):
    setup.ensure_officers()
    officer = get_user_model().objects.create_user("officer-inbox", password="x" * 12)
    officer.groups.add(Group.objects.get(name=OFFICERS_GROUP))
    client.force_login(officer)

    response = client.get(reverse("feedback_admin:inbox"))

    assert response.status_code == 200
    assert officer.has_perm("feedback.change_feedback")
