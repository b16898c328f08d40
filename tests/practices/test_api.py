"""The read-only JSON API for other cities: /api/practices/?lang=&page=."""

import json

import pytest

from welcome.practices import api
from welcome.practices.models import Adoption, Department, PracticeIndexPage
from welcome.practices.sharing import validation

from ..html import interface
from .factories import make_practice, translate_practice

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def practice_ids(module_library_id):
    library = PracticeIndexPage.objects.get(pk=module_library_id)
    made = [
        make_practice(
            library,
            slug=f"api-{n}",
            title=f"Praksis nummer {n}",
            channels=["video", "leaflet"],
            target_groups=["parents"],
            focus_areas=["inclusive-city"],
            goals=["goal-6-inclusion"],
            languages=["ar", "so"],
            key_figures=[("figure", {"value": "1.200", "label": "familier"})],
            cost_dkk=45000,
            what_was_done='<p>Se <a href="https://www.kk.dk">kk.dk</a>.</p>',
        )
        for n in range(5)
    ]
    make_practice(library, slug="api-intern", title="Intern", visibility="internal")
    return [page.pk for page in made]


def get(client, **params):
    response = client.get("/api/practices/", params)
    return response, json.loads(response.content)


def test_pages_of_practices_link_to_each_other(client, practice_ids, monkeypatch):
    monkeypatch.setattr(api, "PAGE_SIZE", 2)

    first_response, first = get(client, lang="da")
    _, last = get(client, lang="da", page=3)

    assert first_response.status_code == 200
    assert (first["count"], first["page"], first["pages"], first["page_size"]) == (5, 1, 3, 2)
    assert len(first["practices"]) == 2
    assert first["previous"] is None
    assert first["next"] == "http://testserver/api/practices/?lang=da&page=2"
    assert len(last["practices"]) == 1
    assert last["next"] is None
    assert last["previous"] == "http://testserver/api/practices/?lang=da&page=2"
    seen = [
        p["id"] for page in (1, 2, 3) for p in get(client, lang="da", page=page)[1]["practices"]
    ]
    assert len(set(seen)) == 5


def test_a_page_holds_fifty_practices():
    assert api.PAGE_SIZE == 50


def test_an_answer_follows_the_published_schema(client, practice_ids):
    _, document = get(client, lang="da")

    assert validation.errors(document) == []
    item = document["practices"][0]
    assert item["status"] == {"code": "proven", "name": interface("Proven", "da")}
    assert {"code": "video", "name": "Film"} in item["channels"]
    assert item["key_figures"] == [{"value": "1.200", "label": "familier"}]
    assert item["cost"]["amount_dkk"] == 45000
    assert item["url"].startswith("http://testserver/da/practices/api-")
    assert item["source"] is None


def test_labels_and_texts_come_in_the_requested_language(client, practice_ids, translated_pair):
    _, document = get(client, lang="ar")

    assert document["language"] == "ar"
    [item] = document["practices"]
    assert item["title"] == "ممارسة بالعربية"
    assert {"code": "video", "name": "فيديو"} in item["channels"]
    assert {"code": "so", "name": "الصومالية", "native_name": "Soomaali"} in item["languages"]
    assert item["contact"]["department"] == {
        "code": "bif",
        "name": "إدارة التوظيف والاندماج",
    }
    danish = {p["title"]: p["id"] for p in get(client, lang="da")[1]["practices"]}
    assert item["id"] == danish["Praksis nummer 0"]  # one id across languages


@pytest.fixture
def translated_pair(practice_ids, module_library):
    from wagtail.models import Locale

    from ..factories import publish, translate

    home = module_library.get_parent().specific
    translate(home, "ar")
    publish(module_library.copy_for_translation(Locale.objects.get(language_code="ar")).specific)
    from welcome.practices.models import PracticePage

    danish = PracticePage.objects.get(pk=practice_ids[0])
    return translate_practice(danish, "ar", title="ممارسة بالعربية")


def test_adoptions_are_counted(client, practice_ids):
    from welcome.practices.models import PracticePage

    practice = PracticePage.objects.get(pk=practice_ids[2])
    for slug in ("sof", "kff"):
        Adoption.objects.create(
            practice_key=practice.translation_key, department=Department.objects.get(slug=slug)
        )

    _, document = get(client, lang="da")

    counts = {item["id"]: item["adoptions"] for item in document["practices"]}
    assert counts[str(practice.translation_key)] == 2


@pytest.mark.parametrize(
    "params, status",
    [({"lang": "xx"}, 400), ({"lang": "ti"}, 400), ({"page": "two"}, 400), ({"page": "9"}, 404)],
)
def test_bad_parameters_get_a_clear_json_error(client, practice_ids, params, status):
    response, document = get(client, **params)

    assert response.status_code == status
    assert response["Content-Type"].startswith("application/json")
    assert document["error"]


def test_answers_are_cacheable_and_revalidate_with_their_etag(client, practice_ids):
    response, _ = get(client, lang="da")

    assert "public" in response["Cache-Control"]
    assert "max-age=300" in response["Cache-Control"]
    assert "Cookie" not in response.get("Vary", "")
    assert "Accept-Language" not in response.get("Vary", "")
    assert response["Content-Language"] == "da"
    etag = response["ETag"]

    again = client.get("/api/practices/", {"lang": "da"}, headers={"if-none-match": etag})
    other_language = client.get("/api/practices/", {"lang": "en"}, headers={"if-none-match": etag})

    assert again.status_code == 304
    assert again.content == b""
    assert other_language.status_code == 200


def test_the_etag_changes_when_a_practice_changes(client, practice_ids):
    from welcome.practices.models import PracticePage

    from ..factories import publish

    before = client.get("/api/practices/", {"lang": "da"})["ETag"]
    practice = PracticePage.objects.get(pk=practice_ids[0])
    practice.summary = "Et nyt resumé."
    publish(practice)

    assert client.get("/api/practices/", {"lang": "da"})["ETag"] != before


def test_the_schema_is_served_as_json_schema(client):
    response = client.get("/api/practices/schema/")

    assert response.status_code == 200
    assert response["Content-Type"].startswith("application/schema+json")
    schema = json.loads(response.content)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "practice" in schema["$defs"]
    assert response["ETag"]


def test_only_get_is_allowed(client):
    assert client.post("/api/practices/").status_code == 405
