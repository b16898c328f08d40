"""The picker's and hreflang's URLs are computed from ``url_path`` and the site root paths;
they must be exactly what Wagtail's ``Page.get_url`` gives, in every language, on one site or more.
"""

import pytest
from django.test import RequestFactory
from django.utils import translation
from wagtail.models import Locale, Page, Site

from welcome.languages import links, registry

from ..factories import HomePageFactory, TopicPageFactory, publish, translate


def _request(host="localhost"):
    return RequestFactory().get("/da/", HTTP_HOST=host)


def _wagtail_urls(page, request):
    return {
        translated.locale.language_code: translated.get_url(request)
        for translated in Page.objects.live().filter(translation_key=page.translation_key)
    }


def test_translation_urls_are_wagtails_for_every_language(translated_site):
    danish_topic = translated_site["da"][1]
    for code in ("da", "ar", "so"):
        with translation.override(code):
            request = _request()
            urls = links.live_translation_urls(request, danish_topic)
            assert urls == _wagtail_urls(danish_topic, _request())
    assert sorted(urls) == sorted(registry.active_codes())


def test_translation_urls_quote_non_ascii_slugs_as_reverse_does(translated_site):
    danish_home = translated_site["da"][0]
    page = publish(TopicPageFactory(parent=danish_home, title="Læge", slug="læge-og-sundhedskort"))
    translate(page, "uk", slug="лікар")
    with translation.override("uk"):
        urls = links.live_translation_urls(_request(), page)
        assert urls == _wagtail_urls(page, _request())
    assert "%D0%BB" in urls["uk"] and "l%C3%A6ge" in urls["da"]


@pytest.fixture
def other_site_topic(translated_site):
    """A topic in Danish and Arabic on a second site, other.example.org."""
    danish = Locale.objects.get(language_code="da")
    other_home = HomePageFactory(parent=Page.get_first_root_node(), locale=danish, slug="andet")
    publish(other_home)
    Site.objects.create(hostname="other.example.org", port=80, root_page=other_home)
    translate(other_home, "ar")
    page = publish(TopicPageFactory(parent=other_home, slug="emne"))
    translate(page, "ar")
    return page


def test_a_page_on_another_site_gets_an_absolute_url(other_site_topic):
    page = other_site_topic
    with translation.override("da"):
        here = links.live_translation_urls(_request(), page)
        there = links.live_translation_urls(_request("other.example.org"), page)
        assert here == _wagtail_urls(page, _request())
        assert there == _wagtail_urls(page, _request("other.example.org"))
    assert here == {
        "da": "http://other.example.org/da/emne/",
        "ar": "http://other.example.org/ar/emne/",
    }
    assert there == {"da": "/da/emne/", "ar": "/ar/emne/"}


def test_hreflang_addresses_are_absolute_once_whichever_site_holds_the_translation(
    other_site_topic,
):
    with translation.override("da"):
        here = links.for_page(_request(), other_site_topic)
        there = links.for_page(_request("other.example.org"), other_site_topic)

    def hrefs(found):
        return {link.language.code: link.alternate_href for link in found if link.exists}

    expected = {
        "da": "http://other.example.org/da/emne/",
        "ar": "http://other.example.org/ar/emne/",
    }
    assert hrefs(here) == hrefs(there) == expected
