"""Editors create, check and preview signs in the admin."""

import pytest
from django.urls import reverse

from welcome.signs.models import Sign

from ..html import soup
from ..qr import decode
from .factories import SignFactory, translate_sign

pytestmark = pytest.mark.django_db


def form_data(**changes):
    data = {
        "name": "Borgerservice, indgang",
        "headline": "Velkommen til Borgerservice",
        "message": "Book en tid, før du kommer.",
        "code": "borgerservice",
        "languages": "da, en, ar",
        "size": "a4-portrait",
        "pictogram": "id-card",
        "target_page": "",
        "placement": "Ved døren",
        "action-publish": "action-publish",
    }
    return {**data, **changes}


def add_url():
    return reverse("wagtailsnippets_signs_sign:add") + "?locale=da"


def edit_url(sign):
    return reverse("wagtailsnippets_signs_sign:edit", args=[sign.pk])


def test_editor_creates_and_publishes_a_sign(admin_client):
    response = admin_client.post(add_url(), form_data())

    assert response.status_code == 302, soup(response).select(".error-message")
    sign = Sign.objects.get(code="borgerservice")
    assert sign.live
    assert sign.locale.language_code == "da"
    assert sign.language_codes() == ["da", "en", "ar"]


def test_duplicate_code_is_refused_with_a_clear_message_and_nothing_saved(admin_client):
    SignFactory(code="borgerservice")
    before = Sign.objects.count()

    response = admin_client.post(add_url(), form_data())

    assert response.status_code == 200
    assert "already used by another sign" in response.content.decode()
    assert Sign.objects.count() == before


def test_too_long_text_in_arabic_is_refused_per_language_and_nothing_saved(admin_client):
    arabic = translate_sign(SignFactory(code="borgerservice"), "ar")
    too_long = "مرحبًا بكم في خدمة المواطنين في بلدية كوبنهاغن"

    response = admin_client.post(
        edit_url(arabic),
        form_data(headline=too_long, message=arabic.message),
        HTTP_ACCEPT_LANGUAGE="en",
    )

    assert response.status_code == 200
    errors = " ".join(e.get_text() for e in soup(response).select(".error-message"))
    assert "(العربية): this text has 46 characters" in errors
    arabic.refresh_from_db()
    assert arabic.headline != too_long


def test_edit_view_warns_about_chosen_languages_without_a_translation(admin_client):
    sign = SignFactory(code="bibliotek", languages="da, ar, ur, so")
    translate_sign(sign, "ar")

    response = admin_client.get(edit_url(sign))

    warning = soup(response).select_one(".help-warning")
    assert warning is not None
    assert [span["lang"] for span in warning.select("span[lang]")] == ["ur", "so"]


def test_edit_view_shows_no_warning_when_every_language_is_translated(admin_client):
    sign = SignFactory(code="bibliotek", languages="da, ar")
    translate_sign(sign, "ar")

    response = admin_client.get(edit_url(sign))

    assert soup(response).select(".help-warning") == []


def test_preview_shows_the_printed_sign_with_unsaved_changes(admin_client):
    sign = SignFactory(code="bibliotek", languages="da, ar")
    translate_sign(sign, "ar")
    url = reverse("wagtailsnippets_signs_sign:preview_on_edit", args=[sign.pk])

    posted = admin_client.post(url, form_data(code="bibliotek", headline="Ny overskrift"))
    response = admin_client.get(url)

    assert posted.json()["is_valid"]
    sections = soup(response).select(".sign-language")
    assert [s["lang"] for s in sections] == ["da", "ar"]
    assert sections[0].h2.get_text() == "Ny overskrift"
    assert decode(soup(response).select_one(".sign__qr svg")).endswith("/s/bibliotek/")


def test_sign_list_shows_scan_counts(admin_client, client):
    sign = SignFactory(code="bibliotek")
    client.get("/s/bibliotek/")
    client.get("/s/bibliotek/")

    response = admin_client.get(reverse("wagtailsnippets_signs_sign:list"))

    row = next(tr for tr in soup(response).select("tbody tr") if sign.name in tr.get_text())
    assert "2" in [td.get_text(strip=True) for td in row.select("td")]
