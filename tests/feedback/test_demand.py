"""Language demand: views by served language and missed languages are counted in the cache
(nothing written per request) and reach the database when flushed; no personal data is stored."""

import uuid
from datetime import date

import pytest
from django.db import connection
from django.test import override_settings
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from tests.factories import translate
from welcome.feedback import demand
from welcome.feedback.models import Feedback, PageDemand


@pytest.fixture(autouse=True)
def _empty_buffer():
    demand.buffer().drain()
    yield
    demand.buffer().drain()


def counts(topic):
    """``{language: (views, picker, cookie, header, address)}`` for the page, after a flush."""
    demand.flush()
    return {
        row.language: (
            row.views,
            row.missed_picker,
            row.missed_cookie,
            row.missed_header,
            row.missed_address,
        )
        for row in PageDemand.objects.filter(translation_key=topic.translation_key)
    }


def test_a_view_is_counted_in_the_served_language_without_a_database_write(client, topic):
    with CaptureQueriesContext(connection) as queries:
        client.get("/da/cpr/", HTTP_ACCEPT_LANGUAGE="da")
    assert not [q for q in queries if "feedback_" in q["sql"]]
    assert PageDemand.objects.count() == 0

    assert counts(topic) == {"da": (1, 0, 0, 0, 0)}
    assert PageDemand.objects.get().day == timezone.localdate()


def test_an_address_in_a_missing_language_is_a_missed_view(client, topic):
    client.get("/ar/cpr/")  # no Arabic version: served from the English/Danish fallback
    assert counts(topic) == {"da": (1, 0, 0, 0, 0), "ar": (0, 0, 0, 0, 1)}


def test_choosing_a_missing_language_in_the_picker_is_a_missed_view(client, topic):
    response = client.get(f"/ur/page/{topic.pk}/")
    assert response.status_code == 200
    assert counts(topic) == {"da": (1, 0, 0, 0, 0), "ur": (0, 1, 0, 0, 0)}


def test_a_remembered_language_the_page_lacks_is_missed(client, topic):
    client.cookies["velkommen_language"] = "so"
    client.get("/da/cpr/")
    assert counts(topic) == {"da": (1, 0, 0, 0, 0), "so": (0, 0, 1, 0, 0)}


def test_a_remembered_language_the_page_has_is_not_missed(client, home, topic):
    translate(home, "so")
    translate(topic, "so")
    client.cookies["velkommen_language"] = "so"
    client.get("/da/cpr/")  # the reader chose Danish here although Somali exists
    assert counts(topic) == {"da": (1, 0, 0, 0, 0)}


def test_the_browsers_first_language_counts_even_when_we_do_not_offer_it(client, topic):
    client.get("/da/cpr/", HTTP_ACCEPT_LANGUAGE="ps-AF,ps;q=0.9,en;q=0.5")  # Pashto
    client.get("/da/cpr/", HTTP_ACCEPT_LANGUAGE="xx-YY,da;q=0.5")  # not a language: ignored
    client.get("/da/cpr/", HTTP_ACCEPT_LANGUAGE="da-DK,da;q=0.9")
    assert counts(topic) == {"da": (3, 0, 0, 0, 0), "ps": (0, 0, 0, 1, 0)}


def test_a_fallback_reached_through_the_remembered_choice_is_attributed_to_it(client, topic):
    client.cookies["velkommen_language"] = "tr"
    client.get("/tr/cpr/", HTTP_ACCEPT_LANGUAGE="tr")
    assert counts(topic) == {"da": (1, 0, 0, 0, 0), "tr": (0, 0, 1, 0, 0)}


def test_one_request_misses_a_language_once(client, topic):
    client.cookies["velkommen_language"] = "ar"
    client.get("/ar/cpr/", HTTP_ACCEPT_LANGUAGE="ar")
    assert counts(topic)["ar"] == (0, 0, 1, 0, 0)


@override_settings(WELCOME_PAGE_CACHE_SECONDS=600)
def test_views_served_from_the_page_cache_are_counted_too(client, topic):
    client.get("/da/cpr/", HTTP_ACCEPT_LANGUAGE="fa")
    with CaptureQueriesContext(connection) as queries:
        hit = client.get("/da/cpr/", HTTP_ACCEPT_LANGUAGE="fa")
    assert hit["X-Cache"] == "hit"
    assert not [q for q in queries if "feedback_" in q["sql"]]
    assert counts(topic) == {"da": (2, 0, 0, 0, 0), "fa": (0, 0, 0, 2, 0)}


def test_flushing_adds_to_existing_rows_and_empties_the_buffer(client, topic):
    client.get("/da/cpr/")
    demand.flush()
    client.get("/da/cpr/")
    client.get("/da/cpr/")
    assert counts(topic) == {"da": (3, 0, 0, 0, 0)}
    assert demand.flush() == 0


def test_a_failed_flush_keeps_the_counts_for_the_next(client, topic, monkeypatch):
    client.get("/da/cpr/")

    def broken(counts):
        raise RuntimeError("database down")

    monkeypatch.setattr(demand, "apply_counts", broken)
    with pytest.raises(RuntimeError):
        demand.flush()
    monkeypatch.undo()
    assert counts(topic) == {"da": (1, 0, 0, 0, 0)}


def test_no_personal_data_in_any_stored_row(client, topic, send):
    address, agent, secret = "203.0.113.77", "Mozilla/5.0 (Reader-Phone 7)", "sessionsecret123"
    client.cookies["velkommen_language"] = "ar"
    client.cookies["sessionid_other"] = secret
    for url in ("/da/cpr/", "/ar/cpr/", f"/ur/page/{topic.pk}/"):
        client.get(url, REMOTE_ADDR=address, HTTP_USER_AGENT=agent, HTTP_ACCEPT_LANGUAGE="ps")
    send(topic.pk, comment="Tekst", REMOTE_ADDR=address, HTTP_USER_AGENT=agent)
    demand.flush()

    assert PageDemand.objects.exists() and Feedback.objects.exists()
    assert {f.name for f in PageDemand._meta.concrete_fields} == {
        "id", "day", "translation_key", "language", "views",
        "missed_picker", "missed_cookie", "missed_header", "missed_address",
    }  # fmt: skip
    assert {f.name for f in Feedback._meta.concrete_fields} == {
        "id", "page", "language", "content_language", "kind", "comment", "comment_deleted",
        "created_on", "state", "assignee", "handled_on", "challenge", "translation_request",
    }  # fmt: skip
    stored = " ".join(
        str(value)
        for model in (PageDemand, Feedback)
        for row in model.objects.values()
        for value in row.values()
    )
    for personal in (address, "203.0.113", agent, "Reader-Phone", secret):
        assert personal not in stored
    assert Feedback.objects.get().assignee is None


# --- the ranking --------------------------------------------------------------------------------


def test_the_ranking_orders_page_language_pairs_by_missed_demand(topic, home):
    from welcome.feedback import reports

    day, other_day, outside = date(2026, 3, 2), date(2026, 3, 5), date(2026, 2, 1)
    rows = [
        # (day, page, language, views, picker, cookie, header, address)
        (day, topic, "ar", 0, 2, 1, 0, 0),
        (other_day, topic, "ar", 0, 0, 0, 3, 1),  # ar on the topic: 7 in all
        (day, topic, "ps", 0, 0, 0, 5, 0),  # 5
        (day, home, "ti", 0, 1, 1, 1, 2),  # 5, ranked after ps by language code
        (day, home, "so", 0, 0, 0, 0, 1),  # 1
        (day, topic, "da", 40, 0, 0, 0, 0),  # views only: not ranked
        (outside, home, "uk", 0, 99, 0, 0, 0),  # outside the period
    ]
    for when, page, language, views, picker, cookie, header, address in rows:
        PageDemand.objects.create(
            day=when,
            translation_key=page.translation_key,
            language=language,
            views=views,
            missed_picker=picker,
            missed_cookie=cookie,
            missed_header=header,
            missed_address=address,
        )

    ranking = reports.missed_ranking(date(2026, 3, 1), date(2026, 3, 31))

    assert [(row.title, row.language, row.missed) for row in ranking] == [
        (topic.title, "ar", 7),
        (topic.title, "ps", 5),
        (home.title, "ti", 5),
        (home.title, "so", 1),
    ]
    first = ranking[0]
    assert (first.picker, first.cookie, first.header, first.address) == (2, 1, 3, 1)
    assert first.page_views == 40
    assert reports.missed_by_language(date(2026, 3, 1), date(2026, 3, 31)) == [
        ("ar", 7), ("ps", 5), ("ti", 5), ("so", 1),
    ]  # fmt: skip


def test_counts_for_unknown_page_keys_are_not_stored(db):
    demand.apply_counts({"2026-03-01|page-12|da|views": 3})
    assert PageDemand.objects.count() == 0
    key = uuid.uuid4()
    demand.apply_counts({f"2026-03-01|{key}|da|views": 3, f"2026-03-01|{key}|da|bogus": 1})
    assert PageDemand.objects.get().views == 3


def test_the_flush_demand_command_moves_the_counts_into_the_database(client, topic, capsys):
    from django.core.management import call_command

    client.get("/da/cpr/", HTTP_ACCEPT_LANGUAGE="uk")
    call_command("flush_demand")

    assert "Flushed 2 counter increments." in capsys.readouterr().out
    assert counts(topic) == {"da": (1, 0, 0, 0, 0), "uk": (0, 0, 0, 1, 0)}
