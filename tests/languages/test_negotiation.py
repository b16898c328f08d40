import pytest
from django.conf import settings

from welcome.languages.negotiation import languages_from_header

pytestmark = pytest.mark.django_db

COOKIE = settings.LANGUAGE_COOKIE_NAME


def test_root_redirects_to_the_best_language_from_accept_language(client):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE="so-SO, ar;q=0.8, en;q=0.5")

    assert response.status_code == 302
    assert response["Location"] == "/so/"
    assert "Accept-Language" in response["Vary"]


def test_a_remembered_choice_beats_accept_language(client):
    client.cookies[COOKIE] = "uk"

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="ar")

    assert response["Location"] == "/uk/"


@pytest.mark.parametrize(
    "header",
    ["", "*", ";;;,,,q=", "en-US;q=abc", "x" * 5000, "zz-ZZ, qq", "ar;q=2;q=3,,,\x00"],
)
def test_malformed_or_unknown_accept_language_gives_the_default(client, header):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=header)

    assert response["Location"] == f"/{settings.LANGUAGE_CODE}/"


@pytest.mark.parametrize("garbage", ["xx", "ti", "../../etc", "ar%00", "<script>", "d" * 300])
def test_garbage_in_the_language_cookie_is_ignored(client, garbage):
    client.cookies[COOKIE] = garbage

    response = client.get("/", HTTP_ACCEPT_LANGUAGE="tr")

    assert response["Location"] == "/tr/"


def test_inactive_languages_are_not_negotiated(db):
    assert languages_from_header("ti, en;q=0.3") == ["en"]
    assert languages_from_header("ar-EG, ar-SA;q=0.9, fa") == ["ar", "fa"]
