import pytest

ORIGIN = "http://testserver"


@pytest.fixture
def send(client):
    """POST feedback as a browser on this site would (with its Origin header)."""

    def send(page_id, kind="not_helpful", comment="", language="da", **extra):
        data = {"page": page_id, "kind": kind, "comment": comment, "website": ""}
        data.update(extra.pop("data", {}))
        headers = {"HTTP_ORIGIN": ORIGIN, **extra}
        return client.post(f"/{language}/feedback/", data, **headers)

    return send


@pytest.fixture
def admin_client(admin_client, admin_user):
    """pytest-django's superuser client, with the admin in English (the site's default is
    Danish), so that tests read the English interface strings."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    return admin_client


def speaks_english(user):
    """The admin interface in English for ``user`` (the site's default language is Danish)."""
    from wagtail.users.models import UserProfile

    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    return user


@pytest.fixture
def client():
    """A browser that states no language: demand counting reads ``Accept-Language``, so the
    suite's default English header would count as a wish for English."""
    from django.test import Client

    return Client()
