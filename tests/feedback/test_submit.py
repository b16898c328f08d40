"""Readers send feedback from any public page: the form works on cached pages and without
JavaScript; bad input is refused with a clear message and nothing is stored."""

import pytest
from django.test import override_settings
from wagtail.models import PageViewRestriction

from tests.factories import TopicPageFactory, publish
from welcome.feedback.forms import NOT_ACCEPTED
from welcome.feedback.models import Feedback, Kind
from welcome.feedback.views import CROSS_SITE

from ..html import interface_html
from .conftest import ORIGIN


def test_every_page_carries_the_form_without_a_token(client, topic):
    html = client.get("/da/cpr/").content.decode()
    assert 'action="/da/feedback/"' in html
    assert f'name="page" value="{topic.pk}"' in html
    assert interface_html("Report a problem with the translation", "da") in html
    assert "csrfmiddlewaretoken" not in html


def test_feedback_is_stored_with_page_language_day_and_text(send, topic):
    response = send(topic.pk, kind=Kind.TRANSLATION_UNCLEAR, comment="  Hvad betyder CPR?  ")

    assert response.status_code == 200
    assert interface_html("Thank you for your feedback", "da") in response.content.decode()
    feedback = Feedback.objects.get()
    assert feedback.page_id == topic.pk
    assert (feedback.language, feedback.content_language) == ("da", "da")
    assert feedback.kind == Kind.TRANSLATION_UNCLEAR
    assert feedback.comment == "Hvad betyder CPR?"
    assert "no-store" in response["Cache-Control"]


def test_a_reader_of_a_fallback_page_is_counted_in_their_language(send, topic):
    # No Arabic translation: the Arabic reader sees the Danish page and writes in Arabic.
    send(topic.pk, language="ar", comment="لا أفهم")
    feedback = Feedback.objects.get()
    assert (feedback.language, feedback.content_language) == ("ar", "da")


@override_settings(WELCOME_PAGE_CACHE_SECONDS=600)
def test_the_form_works_on_a_cached_page(client, send, topic):
    client.get("/da/cpr/")
    cached = client.get("/da/cpr/")
    assert cached["X-Cache"] == "hit"
    assert f'name="page" value="{topic.pk}"' in cached.content.decode()

    assert send(topic.pk, kind=Kind.HELPFUL).status_code == 200
    assert Feedback.objects.filter(page=topic, kind=Kind.HELPFUL).count() == 1


def test_a_referer_from_this_site_stands_in_for_a_missing_origin(client, topic):
    response = client.post(
        "/da/feedback/",
        {"page": topic.pk, "kind": "helpful"},
        HTTP_REFERER=f"{ORIGIN}/da/cpr/",
    )
    assert response.status_code == 200
    assert Feedback.objects.count() == 1


# --- bad cases: the message, and nothing stored ----------------------------------------------


def test_a_comment_over_the_limit_is_refused(send, topic):
    response = send(topic.pk, comment="x" * 2001, language="en")

    assert response.status_code == 400
    html = response.content.decode()
    assert "Ensure this value has at most 2000 characters (it has 2001)." in html
    assert "x" * 2001 in html  # the reader's text is kept in the form to shorten it
    assert Feedback.objects.count() == 0


def test_a_filled_honeypot_is_thanked_and_dropped(send, topic):
    response = send(topic.pk, comment="Cheap pills", data={"website": "http://spam.example"})

    assert response.status_code == 200
    assert interface_html("Thank you for your feedback", "da") in response.content.decode()
    assert Feedback.objects.count() == 0


def test_no_answer_chosen_is_refused(send, topic):
    response = send(topic.pk, kind="")
    assert response.status_code == 400
    assert interface_html("Choose an answer.", "da") in response.content.decode()
    assert Feedback.objects.count() == 0


def test_an_unknown_kind_is_refused(send, topic):
    response = send(topic.pk, kind="delete_everything", language="en")
    assert response.status_code == 400
    assert "Select a valid choice." in response.content.decode()
    assert Feedback.objects.count() == 0


@override_settings(WELCOME_FEEDBACK_RATE_LIMIT=1)
def test_the_rate_limit_is_per_client(send, topic):
    assert send(topic.pk, REMOTE_ADDR="198.51.100.1").status_code == 200
    assert send(topic.pk, REMOTE_ADDR="198.51.100.1").status_code == 429
    assert send(topic.pk, REMOTE_ADDR="198.51.100.2").status_code == 200
    assert Feedback.objects.count() == 2


@pytest.mark.parametrize(
    "headers",
    [
        {},  # neither Origin nor Referer: a forged or stripped request
        {"HTTP_ORIGIN": "https://evil.example"},
        {"HTTP_ORIGIN": "null", "HTTP_REFERER": "https://evil.example/page"},
        {"HTTP_ORIGIN": ORIGIN, "HTTP_SEC_FETCH_SITE": "cross-site"},
    ],
    ids=["missing", "foreign-origin", "foreign-referer", "cross-site-fetch"],
)
def test_a_request_without_this_sites_origin_is_refused(client, topic, headers):
    response = client.post("/da/feedback/", {"page": topic.pk, "kind": "helpful"}, **headers)

    assert response.status_code == 403
    assert interface_html(CROSS_SITE, "da") in response.content.decode()
    assert Feedback.objects.count() == 0


def test_the_endpoint_takes_only_posts(client):
    assert client.get("/da/feedback/").status_code == 405


def _refused_without_title(response, title):
    html = response.content.decode()
    assert response.status_code == 400
    assert interface_html(NOT_ACCEPTED, "da") in html
    assert title not in html


def test_an_unpublished_page_is_refused_without_leaking_its_title(send, home):
    draft = TopicPageFactory(
        parent=home, title="Hemmelig kladde om skat", slug="kladde", live=False
    )

    _refused_without_title(send(draft.pk, comment="hej"), "Hemmelig kladde om skat")
    assert Feedback.objects.count() == 0


def test_a_private_page_is_refused_without_leaking_its_title(send, home):
    private = publish(TopicPageFactory(parent=home, title="Intern vejledning", slug="intern"))
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)

    _refused_without_title(send(private.pk), "Intern vejledning")
    assert Feedback.objects.count() == 0


@pytest.mark.parametrize("page_id", ["1", "999999", "abc", ""])
def test_the_root_an_unknown_or_garbage_page_id_is_refused(send, home, page_id):
    response = send(page_id)
    assert response.status_code == 400
    assert interface_html(NOT_ACCEPTED, "da") in response.content.decode()
    assert Feedback.objects.count() == 0


@override_settings(
    WELCOME_FEEDBACK_RATE_LIMIT=2,
    CACHES={
        "default": {
            "BACKEND": "welcome.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there: Redis is down
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    },
)
def test_while_redis_is_down_the_rate_limit_still_holds_per_process(send, topic):
    assert send(topic.pk).status_code == 200
    assert send(topic.pk).status_code == 200
    assert send(topic.pk).status_code == 429
    assert Feedback.objects.count() == 2


def test_a_refused_translation_report_comes_back_in_its_own_form(send, topic):
    response = send(topic.pk, kind=Kind.TRANSLATION_MISSING, comment="y" * 2001, language="en")

    html = response.content.decode()
    assert response.status_code == 400
    assert '<details class="feedback__problem" open>' in html
    problem_form = html[html.index('<details class="feedback__problem"') :]
    assert "y" * 2001 in problem_form
    assert 'value="translation_missing" checked' in problem_form
    assert Feedback.objects.count() == 0
