import pytest

from welcome.languages import analysis

from ..factories import publish
from ..html import soup, text

pytestmark = pytest.mark.django_db


@pytest.fixture
def searchable_site(translated_site):
    da_topic = translated_site["da"][1]
    da_topic.intro = (
        "Sundhedskortet viser, hvem din læge er. Du får sundhedskort hos Borgerservice."
    )
    publish(da_topic)
    ar_topic = translated_site["ar"][1]
    ar_topic.title = "الطبيب والبطاقة الصحية"
    ar_topic.intro = "تُظهر البطاقة الصحية اسم طبيبك. يمكنك الحصول على بطاقات صحية من Borgerservice."
    publish(ar_topic)
    return translated_site


def result_titles(response):
    return [link.get_text() for link in soup(response).select(".results h2 a")]


def test_danish_search_finds_danish_pages_with_stemming(client, searchable_site):
    # "sundhedskort" matches "Sundhedskortet" (definite form) through the Danish stemmer.
    response = client.get("/da/search/", {"q": "sundhedskort læge"})

    assert response.status_code == 200
    assert result_titles(response) == ["Adresse og CPR-nummer"]
    assert "1" in soup(response).select_one(".result-count").get_text()


def test_arabic_search_finds_arabic_pages_only(client, searchable_site):
    response = client.get("/ar/search/", {"q": "البطاقات الصحية"})

    assert result_titles(response) == ["الطبيب والبطاقة الصحية"]
    assert client.get("/da/search/", {"q": "البطاقة"}).context["result_count"] == 0


def test_search_only_shows_the_readers_language(client, searchable_site):
    response = client.get("/tr/search/", {"q": "cpr"})

    assert result_titles(response) == [searchable_site["tr"][1].title]


def test_unpublished_pages_are_not_found(client, searchable_site):
    searchable_site["da"][1].unpublish()

    assert client.get("/da/search/", {"q": "sundhedskort"}).context["result_count"] == 0


@pytest.mark.parametrize(
    "query",
    [
        "",
        "   ",
        "*",
        '"',
        "AND OR NOT",
        "'); DROP TABLE wagtailcore_page; --",
        "læge\x00",
        "NEAR(a b)",
        "^$%&/()=?",
        "\u202eevil",
        "😀",
        "a" * 500,
    ],
)
def test_odd_queries_answer_without_error(client, searchable_site, query):
    response = client.get("/da/search/", {"q": query})

    assert response.status_code == 200
    assert "Søg" in text(response) or "Search" in text(response)


def test_a_very_long_query_is_bounded_before_it_reaches_the_database(client, searchable_site):
    query = " ".join(["sundhedskort"] + [f"ord{n}" for n in range(2000)])[:10_000]

    response = client.get("/da/search/", {"q": query})

    assert response.status_code == 200
    assert len(soup(response).select_one("#site-search")["value"]) <= 200
    words = analysis.analyse_query(query, "da")
    assert len(words) == analysis.MAX_QUERY_WORDS
    assert words[0] == "sundhedskort"


def test_empty_query_shows_guidance_not_results(client, searchable_site):
    response = client.get("/da/search/")

    assert response.status_code == 200
    assert soup(response).select(".results") == []
    assert response.context["result_count"] == 0
