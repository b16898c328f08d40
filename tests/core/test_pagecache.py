from unittest import mock

import pytest
from django.conf import settings
from django.db import OperationalError
from django.test import override_settings

from welcome.core.signals import page_served

from ..factories import publish
from ..html import html_attrs, soup

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("page_cache_on")]


@pytest.fixture
def page_cache_on():
    with override_settings(WELCOME_PAGE_CACHE_SECONDS=300):
        yield


def test_anonymous_pages_are_cached_per_language(client, translated_site):
    first = client.get("/ar/cpr/")
    second = client.get("/ar/cpr/")
    other_language = client.get("/ur/cpr/")

    assert (first["X-Cache"], second["X-Cache"], other_language["X-Cache"]) == (
        "miss",
        "hit",
        "miss",
    )
    assert second.content == first.content
    assert html_attrs(other_language) == ("ur", "rtl")
    assert "Content-Security-Policy" in second  # a fresh policy header on every hit


def test_publishing_a_translation_refreshes_its_siblings_picker_and_fallbacks(
    client, translated_site
):
    so_topic = translated_site["so"][1]
    so_topic.unpublish()
    stale = client.get("/so/cpr/")
    assert soup(client.get("/so/cpr/")).select(".notice")  # cached: English with a notice
    assert stale["X-Cache"] == "miss"

    publish(so_topic)

    fresh = client.get("/so/cpr/")
    assert fresh["X-Cache"] == "miss"
    assert soup(fresh).select(".notice") == []
    assert soup(fresh).article["lang"] == "so"


def test_signed_in_readers_are_never_served_or_stored_from_the_cache(client, translated_site):
    from django.contrib.auth import get_user_model

    client.get("/da/cpr/")
    user = get_user_model().objects.create_user("laeser", password="x" * 12)
    client.force_login(user)

    response = client.get("/da/cpr/")

    assert "X-Cache" not in response


def test_every_view_is_reported_also_from_the_cache(client, translated_site):
    seen = []

    def receiver(sender, request, page_id, requested, shown, **kwargs):
        seen.append((page_id, requested, shown))

    page_served.connect(receiver)
    try:
        client.get("/tr/cpr/")
        client.get("/tr/cpr/")
    finally:
        page_served.disconnect(receiver)

    tr_topic = translated_site["tr"][1]
    assert seen == [(tr_topic.pk, "tr", "tr"), (tr_topic.pk, "tr", "tr")]


def test_cached_pages_are_served_while_the_database_is_down(client, translated_site):
    client.get("/fa/cpr/")

    with mock.patch(
        "django.db.backends.base.base.BaseDatabaseWrapper.cursor",
        side_effect=OperationalError("server closed the connection"),
    ):
        cached = client.get("/fa/cpr/")
        uncached = client.get("/fa/")

    assert cached.status_code == 200
    assert cached["X-Cache"] == "hit"
    assert uncached.status_code == 503
    assert html_attrs(uncached) == ("fa", "rtl")
    assert uncached["Retry-After"] == "120"
    assert "Traceback" not in uncached.content.decode()


def test_query_strings_and_cookies_are_not_cached(client, translated_site):
    client.get("/da/cpr/?x=1")
    assert client.get("/da/cpr/?x=1").get("X-Cache") is None
    client.cookies[settings.SESSION_COOKIE_NAME] = "abc"
    assert client.get("/da/cpr/").get("X-Cache") is None
