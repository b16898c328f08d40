"""Visibility is a synchronised fact: the Danish source decides it for every language version."""

import json

import pytest
from wagtail.models import Locale

from welcome.languages import registry
from welcome.pages.models import HomePage
from welcome.practices.models import PracticePage

from ..factories import publish
from .factories import make_library, make_practice, translate_practice

pytestmark = pytest.mark.django_db


def test_making_the_danish_practice_internal_hides_every_language_version(
    client, db, library_in_every_language
):
    practices = library_in_every_language
    danish = practices["da"]
    danish.visibility = "internal"
    publish(danish)

    for code, practice in practices.items():
        practice.refresh_from_db()
        assert practice.visibility == "internal", code
        assert client.get(practice.url).status_code == 302, code
        listing = client.get(practice.get_parent().url)
        assert practice.title not in listing.content.decode(), code
    data = json.loads(client.get("/api/practices/", {"lang": "ar"}).content)
    assert data["practices"] == []


def test_a_translation_published_from_an_old_draft_keeps_the_sources_visibility(
    db, library_in_every_language
):
    practices = library_in_every_language
    arabic = practices["ar"]
    draft = PracticePage.objects.get(pk=arabic.pk)
    draft.title = "عنوان جديد"
    revision = draft.save_revision()  # drafted while the practice was public
    danish = practices["da"]
    danish.visibility = "internal"
    publish(danish)

    revision.publish()

    arabic.refresh_from_db()
    assert arabic.title == "عنوان جديد"
    assert arabic.visibility == "internal"


@pytest.fixture(scope="module")
def library_ids(translated_site_ids):
    """A library and one practice in every active language, built once for the module."""
    home = HomePage.objects.get(pk=translated_site_ids["da"][0])
    library = make_library(home)
    danish = make_practice(library, slug="alle-sprog", title="Praksis på alle sprog")
    ids = {"da": danish.pk}
    for code in registry.active_codes():
        if code != "da":
            locale = Locale.objects.get(language_code=code)
            publish(library.copy_for_translation(locale).specific)
            ids[code] = translate_practice(danish, code).pk
    return ids


@pytest.fixture
def library_in_every_language(library_ids, db):
    return {code: PracticePage.objects.get(pk=pk) for code, pk in library_ids.items()}
