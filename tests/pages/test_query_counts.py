from django.db import connection
from django.test.utils import CaptureQueriesContext
from wagtail.models import Page

from welcome.languages import registry

from ..factories import translate


def queries_for(client, url):
    client.get(url)  # warm Wagtail's site-root cache, as on a running server
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def test_query_count_does_not_grow_with_the_number_of_languages(client, home, topic):
    few = queries_for(client, topic.url)
    for code in registry.active_codes():
        if code != "da":
            translate(home, code)
            translate(topic, code)
    assert queries_for(client, topic.url) == few
    assert Page.objects.filter(translation_key=topic.translation_key).count() == len(
        registry.active_codes()
    )


def test_an_uncached_translated_topic_page_takes_at_most_ten_queries_in_any_number_of_languages(
    client, home, topic
):
    """Issue 2's budget, on the costliest kind of topic page: a translation (it also asks whether
    its translation is outdated) served in its own language, picker and hreflang for every
    language included. The count stays the same from two languages to all of them."""
    arabic_topic = (translate(home, "ar"), translate(topic, "ar"))[1]
    two_languages = queries_for(client, arabic_topic.url)
    for code in registry.active_codes():
        if code not in ("da", "ar"):
            translate(home, code)
            translate(topic, code)
    every_language = queries_for(client, arabic_topic.url)
    assert every_language == two_languages
    assert every_language <= 10
    page = client.get(arabic_topic.url).content.decode()
    assert page.count('rel="alternate"') == len(registry.active_codes())
