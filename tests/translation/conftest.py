import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from tests.factories import TopicPageFactory, make_home, publish, translate
from welcome.languages import registry as languages
from welcome.translation import roles, services, setup


@pytest.fixture
def site(db, django_capture_on_commit_callbacks):
    """Danish home and topic, with Arabic and Urdu home pages; roles set up."""
    with django_capture_on_commit_callbacks(execute=True):
        home = make_home()
        topic = publish(TopicPageFactory(parent=home, title="Adresse og CPR-nummer", slug="cpr"))
        homes = {code: translate(home, code) for code in ("ar", "ur", "en")}
    setup.ensure_all()
    return {"home": home, "topic": topic, "homes": homes}


def make_user(username, *groups, superuser=False):
    user = get_user_model().objects.create_user(
        username, f"{username}@example.invalid", "pw-for-tests-only", is_superuser=superuser
    )
    for name in groups:
        user.groups.add(Group.objects.get(name=name))
    return user


@pytest.fixture
def users(site):
    ar, ur = languages.get("ar"), languages.get("ur")
    return {
        "officer": make_user("officer", roles.OFFICERS_GROUP),
        "translator_ar": make_user("translator-ar", roles.translators_group_name(ar)),
        "reviewer_ar": make_user("reviewer-ar", roles.reviewers_group_name(ar)),
        "translator_ur": make_user("translator-ur", roles.translators_group_name(ur)),
        "reviewer_ur": make_user("reviewer-ur", roles.reviewers_group_name(ur)),
        "nobody": make_user("nobody"),
    }


@pytest.fixture
def arabic(db):
    return Locale.objects.get(language_code="ar")


@pytest.fixture
def urdu(db):
    return Locale.objects.get(language_code="ur")


@pytest.fixture
def requested(site, users, arabic):
    """The topic page requested in Arabic: its units, untranslated."""
    services.request_translation(site["topic"], ["ar"], requested_by=users["officer"])
    return list(services.units_for(site["topic"], arabic))
