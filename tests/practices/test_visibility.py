"""Internal practices reach City staff only: never the public list, page, search, API, sitemap or
feed, in any language."""

import json
import xml.etree.ElementTree as ET

import pytest

from welcome.practices.models import PracticeIndexPage, PracticePage

from ..html import interface, soup, text
from .factories import make_practice, make_user

pytestmark = pytest.mark.django_db

SECRET = "Hemmelig fremgangsmåde for sagsbehandlere"


@pytest.fixture(scope="module")
def entry_ids(module_library_id):
    library = PracticeIndexPage.objects.get(pk=module_library_id)
    public = make_practice(
        library, slug="aaben", title="Åben praksis om tolkning", summary="Alle må læse om tolkning."
    )
    internal = make_practice(
        library,
        slug="intern",
        title=SECRET,
        summary="Kun for medarbejdere: tolkning ved svære samtaler.",
        visibility="internal",
    )
    return public.pk, internal.pk


@pytest.fixture
def entries(entry_ids, db):
    return tuple(PracticePage.objects.get(pk=pk) for pk in entry_ids)


@pytest.fixture
def staff_client(client, db, module_library):
    client.force_login(make_user("staff", departments=["sof"]))
    return client


def test_the_public_list_leaves_internal_practices_out(client, entries, library):
    response = client.get(library.url)

    assert response.status_code == 200
    assert "Åben praksis om tolkning" in text(response)
    assert SECRET not in response.content.decode()


def test_staff_see_internal_practices_in_the_list_marked_internal(staff_client, entries, library):
    response = staff_client.get(library.url)

    card = next(c for c in soup(response).select(".practice-card") if SECRET in c.get_text())
    assert interface("Internal", "da") in card.get_text()


def test_an_internal_practice_page_asks_the_public_to_log_in_and_shows_nothing(client, entries):
    _public, internal = entries

    response = client.get(internal.url)

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert SECRET not in response.content.decode()
    followed = client.get(internal.url, follow=True)
    assert SECRET not in followed.content.decode()


def test_a_logged_in_reader_who_is_not_staff_gets_not_found(client, entries):
    _public, internal = entries
    client.force_login(make_user("reader"))

    response = client.get(internal.url)

    assert response.status_code == 404
    assert SECRET not in response.content.decode()


def test_staff_read_an_internal_practice(staff_client, entries):
    response = staff_client.get(entries[1].url)

    assert response.status_code == 200
    assert soup(response).h1.get_text(strip=True) == SECRET


def test_site_search_finds_public_practices_only(client, staff_client, entries):
    public_results = client.get("/da/search/", {"q": "tolkning"})

    assert "Åben praksis om tolkning" in text(public_results)
    assert SECRET not in public_results.content.decode()


def test_library_search_hides_internal_practices_from_the_public(client, entries, library):
    response = client.get(library.url, {"q": "tolkning"})

    assert "Åben praksis om tolkning" in text(response)
    assert SECRET not in response.content.decode()


def test_the_api_never_lists_internal_practices_even_for_staff(client, staff_client, entries):
    for reader in (client, staff_client):
        data = json.loads(reader.get("/api/practices/", {"lang": "da"}).content)
        titles = [item["title"] for item in data["practices"]]
        assert titles == ["Åben praksis om tolkning"]
        assert data["count"] == 1


def test_the_sitemap_lists_public_practices_and_not_internal_ones(client, entries):
    public, internal = entries

    response = client.get("/sitemap.xml")

    assert response.status_code == 200
    namespace = {"s": "http://www.sitemaps.org/schemas/sitemap/0.9"}
    locations = [loc.text for loc in ET.fromstring(response.content).findall(".//s:loc", namespace)]
    assert any(location.endswith(public.url) for location in locations)
    assert not any(location.endswith(internal.url) for location in locations)


def test_the_feed_holds_public_practices_only(client, staff_client, entries, library):
    for reader in (client, staff_client):
        response = reader.get(library.url + "feed/")
        assert response.status_code == 200
        assert response["Content-Type"].startswith("application/rss+xml")
        titles = [item.findtext("title") for item in ET.fromstring(response.content).iter("item")]
        assert titles == ["Åben praksis om tolkning"]
