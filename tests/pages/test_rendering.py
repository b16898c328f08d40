import pytest

from welcome.languages import registry

from ..html import html_attrs, picker_links, soup

pytestmark = pytest.mark.django_db


def active_codes():
    return registry.active_codes()


@pytest.mark.parametrize("code", ["da", "en", "ar", "tr", "ur", "so", "fa", "pl", "uk"])
@pytest.mark.parametrize("page_type", ["home", "topic"])
def test_every_page_type_renders_in_every_active_language(client, translated_site, code, page_type):
    home, topic = translated_site[code]
    page = home if page_type == "home" else topic
    response = client.get(page.url)

    assert response.status_code == 200
    language = registry.get(code)
    assert html_attrs(response) == (code, language.direction)
    assert page.title in soup(response).h1.get_text()
    for link in picker_links(response):
        assert client.get(link["href"], follow=True).status_code == 200


def test_picker_lists_languages_by_their_own_names_and_marks_the_current_one(
    client, translated_site
):
    response = client.get(translated_site["ar"][1].url)

    links = picker_links(response)
    assert [link.get_text() for link in links] == [lang.native_name for lang in registry.active()]
    current = [link for link in links if link.get("aria-current")]
    assert [link["lang"] for link in current] == ["ar"]
    assert "العربية" in [link.get_text() for link in links]


def test_picker_links_to_the_same_page_in_each_language(client, translated_site):
    response = client.get(translated_site["da"][1].url)

    hrefs = {link["lang"]: link["href"] for link in picker_links(response)}
    for code in ("ur", "so"):
        landing = client.get(hrefs[code])
        assert landing.status_code == 302
        assert landing["Location"] == translated_site[code][1].url


def test_hreflang_alternates_name_every_live_translation(client, translated_site):
    response = client.get(translated_site["tr"][1].url)

    alternates = {
        link["hreflang"]: link["href"] for link in soup(response).select("link[rel=alternate]")
    }
    assert set(alternates) == set(active_codes())
    assert alternates["fa"].endswith(translated_site["fa"][1].url)


def test_rtl_languages_render_right_to_left_content(client, translated_site):
    for code in ("ar", "ur", "fa"):
        response = client.get(translated_site[code][1].url)
        article = soup(response).article
        assert (article["lang"], article["dir"]) == (code, "rtl")


def test_contact_facts_render_with_opening_hours_in_the_readers_language(client, translated_site):
    response = client.get(translated_site["ar"][1].url)

    card = soup(response).select_one(".contact-card")
    assert card.select_one('a[href="tel:+4533663366"]') is not None
    assert "الاثنين" in card.get_text()  # Monday, from CLDR
    assert "10:00–15:00" in card.get_text()


def test_call_to_action_to_a_page_links_to_the_readers_translation(client, translated_site):
    from ..factories import publish

    da_home, da_topic = translated_site["da"]
    da_topic.body = [
        {"type": "call_to_action", "value": {"label": "Se mere", "page": da_home.pk, "url": ""}}
    ]
    publish(da_topic)
    ar_topic = translated_site["ar"][1]
    ar_topic.body = da_topic.body
    publish(ar_topic)

    response = client.get(ar_topic.url)

    assert soup(response).select_one(".cta a")["href"] == translated_site["ar"][0].url


def test_topic_page_renders_within_query_budget(
    client, translated_site, django_assert_max_num_queries
):
    url = translated_site["ar"][1].url
    client.get(url)  # warm Wagtail's site-root cache like a running server
    with django_assert_max_num_queries(10):
        assert client.get(url).status_code == 200
