from pathlib import Path

import polib
import pytest
from django.conf import settings
from django.test import override_settings
from django.utils import translation

from welcome.languages import registry
from welcome.languages.management.commands.catalogs import problems


def write_catalog(root, code, entries, plural_forms):
    path = Path(root) / code / "LC_MESSAGES" / "django.po"
    path.parent.mkdir(parents=True)
    catalog = polib.POFile()
    catalog.metadata = {"Content-Type": "text/plain; charset=UTF-8", "Plural-Forms": plural_forms}
    for msgid, msgstr in entries:
        catalog.append(polib.POEntry(msgid=msgid, msgstr=msgstr))
    catalog.save(str(path))


def test_a_current_complete_catalog_has_no_problems(tmp_path):
    write_catalog(tmp_path, "pl", [("Search", "Szukaj")], registry.get("pl").plural_forms)
    with override_settings(LOCALE_PATHS=[tmp_path]):
        assert problems("pl", {(None, "Search")}) == []


def test_stale_untranslated_and_misheaded_catalogs_are_reported(tmp_path):
    write_catalog(tmp_path, "pl", [("Old", "Stary"), ("Home", "")], "nplurals=2; plural=(n != 1);")
    with override_settings(LOCALE_PATHS=[tmp_path]):
        found = "\n".join(problems("pl", {(None, "Search"), (None, "Home")}))

    assert "1 message(s) not in the catalog, e.g. 'Search'" in found
    assert "1 message(s) no longer in the code, e.g. 'Old'" in found
    assert "1 untranslated" in found
    assert "Plural-Forms" in found


@pytest.mark.parametrize("code", settings.WELCOME_LANGUAGES)
def test_every_supported_language_ships_a_compiled_catalog_with_the_registry_plural_rule(code):
    catalog = Path(settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.mo"
    assert catalog.exists()
    assert polib.mofile(str(catalog)).metadata["Plural-Forms"] == registry.get(code).plural_forms


def test_interface_strings_are_translated_for_somali():
    with translation.override("so"):
        assert translation.gettext("Skip to main content") != "Skip to main content"
