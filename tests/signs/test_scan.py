"""``/s/<code>/``: the reader lands on the sign's page in their language; the scan is counted per
sign, day and language, and nothing about the reader is stored."""

import datetime

import pytest
from django.conf import settings
from django.test import Client

from welcome.signs.models import SignScan
from welcome.signs.scans import record_scan, totals_by_language

from ..html import html_attrs, soup

pytestmark = pytest.mark.django_db


def scans(signs):
    return totals_by_language(signs["complete"]["da"])


def test_scan_redirects_by_accept_language_and_counts(client, signs):
    response = client.get("/s/borgerservice/", HTTP_ACCEPT_LANGUAGE="ar-EG,ar;q=0.9,en;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == signs["topics"]["ar"].url
    assert scans(signs) == {"ar": 1}


def test_remembered_language_beats_accept_language(client, signs):
    client.cookies[settings.LANGUAGE_COOKIE_NAME] = "ur"

    response = client.get("/s/borgerservice/", HTTP_ACCEPT_LANGUAGE="ar")

    assert response["Location"] == signs["topics"]["ur"].url
    assert scans(signs) == {"ur": 1}


def test_without_preferences_the_reader_lands_in_danish(client, signs):
    response = Client().get("/s/borgerservice/")  # a browser that states no language

    assert response["Location"] == signs["topics"]["da"].url
    assert scans(signs) == {"da": 1}


def test_a_page_missing_in_the_readers_language_falls_back_with_a_notice(client, signs):
    response = client.get("/s/borgerservice/", HTTP_ACCEPT_LANGUAGE="so", follow=True)

    assert response.status_code == 200
    assert html_attrs(response) == ("so", "ltr")
    assert soup(response).select_one(".notice") is not None
    assert signs["topics"]["en"].title in soup(response).h1.get_text()
    assert scans(signs) == {"so": 1}


def test_scans_are_aggregated_per_day_and_language(client, signs):
    for header in ("ar", "ar", "ar", "da"):
        client.get("/s/borgerservice/", HTTP_ACCEPT_LANGUAGE=header)

    rows = SignScan.objects.for_sign(signs["complete"]["da"])
    assert sorted((row.language, row.count) for row in rows) == [("ar", 3), ("da", 1)]
    assert {field.name for field in SignScan._meta.get_fields()} == {
        "id",
        "sign_key",
        "day",
        "language",
        "count",
    }


def test_a_scan_on_another_day_gets_its_own_counter(signs):
    sign = signs["complete"]["da"]

    record_scan(sign, "ar", day=datetime.date(2025, 3, 1))
    record_scan(sign, "ar", day=datetime.date(2025, 3, 2))
    record_scan(sign, "ar", day=datetime.date(2025, 3, 2))

    counts = dict(SignScan.objects.for_sign(sign).values_list("day", "count"))
    assert counts == {datetime.date(2025, 3, 1): 1, datetime.date(2025, 3, 2): 2}


def test_every_version_of_a_sign_counts_on_the_same_counter(signs):
    record_scan(signs["complete"]["ar"], "ar")
    record_scan(signs["complete"]["da"], "ar")

    assert scans(signs) == {"ar": 2}


@pytest.mark.parametrize(
    ("method", "headers"),
    [("head", {}), ("get", {"HTTP_SEC_PURPOSE": "prefetch"})],
)
def test_head_requests_and_prefetches_are_not_counted(client, signs, method, headers):
    response = getattr(client, method)("/s/borgerservice/", **headers)

    assert response.status_code == 302
    assert scans(signs) == {}


def test_scan_responses_are_not_cached_and_vary_by_language(client, signs):
    response = client.get("/s/borgerservice/")

    assert "no-cache" in response["Cache-Control"] or "max-age=0" in response["Cache-Control"]
    assert {"Accept-Language", "Cookie"} <= {v.strip() for v in response["Vary"].split(",")}


def test_unknown_code_is_a_404_in_the_readers_language_and_not_counted(client, signs):
    response = client.get("/s/nope/", HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 404
    assert html_attrs(response) == ("ar", "rtl")
    assert SignScan.objects.count() == 0


def test_a_sign_without_target_leads_to_the_home_page(client, signs):
    sign = signs["complete"]["da"]
    sign.target_page = None
    sign.save()

    response = client.get("/s/borgerservice/", HTTP_ACCEPT_LANGUAGE="ur")

    assert response["Location"] == "/ur/"
