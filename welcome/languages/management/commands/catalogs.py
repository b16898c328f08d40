"""Interface catalogs in ``locales/``: update, check and compile.

* ``update``  extract messages (GNU xgettext via makemessages) into every supported language and
  set each header from the language registry (one source of truth for plural rules);
* ``check``   fail if a catalog is stale (messages missing or obsolete), untranslated, fuzzy, or
  has a header that disagrees with the registry;
* ``compile`` write the ``.mo`` files with polib, so installing needs no GNU gettext.
"""

import shutil
import tempfile
from pathlib import Path

import polib
from django.conf import settings
from django.core.management import call_command
from django.core.management.base import BaseCommand, CommandError
from django.test.utils import override_settings

from welcome.languages import registry

IGNORE = ["static/*", "media/*", "node_modules/*", "tests/*", "bench/*", "build/*"]


def catalog_path(code, root=None):
    return Path(root or settings.LOCALE_PATHS[0]) / code / "LC_MESSAGES" / "django.po"


def extract(codes, root=None):
    """Run makemessages for ``codes`` into ``locales/``, or into ``root`` when given."""
    options = {
        "locale": codes,
        "ignore_patterns": IGNORE,
        "add_location": "file",
        "no_obsolete": True,
        "verbosity": 0,
    }
    if root is None:
        call_command("makemessages", **options)
        return
    with override_settings(LOCALE_PATHS=[root]):
        call_command("makemessages", **options)


def set_header(catalog, language):
    catalog.header = f"Velkommen: interface strings in {language.english_name} ({language.code})."
    catalog.metadata_is_fuzzy = False
    catalog.metadata.update(
        {
            "Project-Id-Version": "Velkommen",
            "Language": language.code,
            "Language-Team": f"{language.english_name} <velkommen@kk.dk>",
            "MIME-Version": "1.0",
            "Content-Type": "text/plain; charset=UTF-8",
            "Content-Transfer-Encoding": "8bit",
            "Plural-Forms": language.plural_forms,
        }
    )


def message_keys(catalog):
    return {(entry.msgctxt, entry.msgid) for entry in catalog if not entry.obsolete}


def problems(code, fresh_keys):
    """What is wrong with the committed catalog of ``code``, as readable lines."""
    path = catalog_path(code)
    if not path.exists():
        return [f"{path}: missing"]
    catalog = polib.pofile(str(path))
    found = []
    keys = message_keys(catalog)
    missing = fresh_keys - keys
    obsolete = keys - fresh_keys
    if missing:
        example = sorted(missing, key=str)[0][1]
        found.append(f"{path}: {len(missing)} message(s) not in the catalog, e.g. {example!r}")
    if obsolete:
        example = sorted(obsolete, key=str)[0][1]
        found.append(f"{path}: {len(obsolete)} message(s) no longer in the code, e.g. {example!r}")
    untranslated = [entry.msgid for entry in catalog.untranslated_entries()]
    if untranslated:
        found.append(f"{path}: {len(untranslated)} untranslated, e.g. {untranslated[0]!r}")
    fuzzy = [entry.msgid for entry in catalog.fuzzy_entries()]
    if fuzzy:
        found.append(f"{path}: {len(fuzzy)} fuzzy, e.g. {fuzzy[0]!r}")
    language = registry.get(code)
    if catalog.metadata.get("Plural-Forms") != language.plural_forms:
        found.append(f"{path}: Plural-Forms is not the registry's {language.plural_forms!r}")
    return found


class Command(BaseCommand):
    help = "Update, check or compile the interface catalogs in locales/."

    def add_arguments(self, parser):
        parser.add_argument("action", choices=["update", "check", "compile"])

    def handle(self, action, **options):
        getattr(self, f"{action}_catalogs")()

    def update_catalogs(self):
        codes = registry.supported_codes()
        extract(codes)
        for code in codes:
            path = catalog_path(code)
            catalog = polib.pofile(str(path))
            set_header(catalog, registry.get(code))
            catalog.save(str(path))
        self.stdout.write(f"Updated {len(codes)} catalogs in {settings.LOCALE_PATHS[0]}.")

    def check_catalogs(self):
        if shutil.which("xgettext") is None:
            raise CommandError("GNU gettext is needed to check catalogs: apt-get install gettext")
        with tempfile.TemporaryDirectory() as root:
            probe = registry.source().code
            extract([probe], root)
            fresh_keys = message_keys(polib.pofile(str(catalog_path(probe, root))))
        found = [line for code in registry.supported_codes() for line in problems(code, fresh_keys)]
        if found:
            raise CommandError(
                "Interface catalogs are stale; run `make messages` and translate:\n"
                + "\n".join(found)
            )
        self.stdout.write(f"{len(registry.supported_codes())} catalogs are current and complete.")

    def compile_catalogs(self):
        for code in registry.supported_codes():
            path = catalog_path(code)
            if not path.exists():
                raise CommandError(f"{path} is missing.")
            polib.pofile(str(path)).save_as_mofile(str(path.with_suffix(".mo")))
        self.stdout.write(f"Compiled {len(registry.supported_codes())} catalogs.")
