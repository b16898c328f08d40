"""A sign's print view: every chosen language in order, in its own script and direction, with a
QR code that opens the scan address."""

import pytest

from welcome.languages import registry

from ..html import html_attrs, interface, soup, text
from ..qr import decode
from .factories import TRANSLATIONS

pytestmark = pytest.mark.django_db


def test_print_view_shows_every_chosen_language_in_order_and_direction(client, signs):
    response = client.get("/signs/borgerservice/print/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    sections = soup(response).select(".sign-language")
    assert [s["lang"] for s in sections] == ["da", "en", "ar", "ur"]
    assert [s["dir"] for s in sections] == ["ltr", "ltr", "rtl", "rtl"]
    assert [s.h2.get_text() for s in sections[2:]] == [
        TRANSLATIONS["ar"][0],
        TRANSLATIONS["ur"][0],
    ]
    assert "tf-nastaliq" in sections[3]["class"]


def test_print_qr_code_opens_the_scan_address(client, signs):
    response = client.get("/signs/borgerservice/print/")

    assert (
        decode(soup(response).select_one(".sign__qr svg")) == "http://testserver/s/borgerservice/"
    )


@pytest.mark.parametrize("code", ["da", "ar", "ur"])
def test_print_view_chrome_follows_the_reader_and_the_sign_its_own_languages(client, signs, code):
    response = client.get("/signs/borgerservice/print/", HTTP_ACCEPT_LANGUAGE=code)

    assert html_attrs(response) == (code, registry.get(code).direction)
    assert len(soup(response).select(".sign-language")) == 4
    assert soup(response).select(".site-header, .language-picker") == []


def test_paper_size_and_orientation_come_from_the_sign(client, signs):
    sign = signs["complete"]["da"]
    sign.size = "a3-landscape"
    sign.save()

    response = client.get("/signs/borgerservice/print/")

    assert "paper-a3-landscape" in soup(response).body["class"]
    assert "sign--landscape" in soup(response).article["class"]


def test_languages_without_a_translation_are_left_out_with_a_notice(client, signs):
    response = client.get("/signs/bibliotek/print/")

    assert [s["lang"] for s in soup(response).select(".sign-language")] == ["da", "ar"]
    notice = soup(response).select_one(".print-toolbar .notice")
    assert [span["lang"] for span in notice.select("span")] == ["ur", "so"]
    assert "اردو" in notice.get_text() and "Soomaali" in notice.get_text()


def test_an_unpublished_translation_is_not_printed(client, signs):
    arabic = signs["complete"]["ar"]
    arabic.live = False
    arabic.save()

    response = client.get("/signs/borgerservice/print/")

    assert "ar" not in [s["lang"] for s in soup(response).select(".sign-language")]


def test_unknown_sign_has_no_print_view(client, signs):
    response = client.get("/signs/nope/print/", HTTP_ACCEPT_LANGUAGE="ar")

    assert response.status_code == 404
    assert html_attrs(response) == ("ar", "rtl")
    assert interface("Page not found", "ar") in text(response)
