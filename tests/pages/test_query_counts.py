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
