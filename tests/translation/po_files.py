"""Shared by the PO export and import tests: an Arabic file of the test site, translated."""

import re
from pathlib import Path

import polib

from welcome.translation import po
from welcome.translation.models import Unit

ARABIC = {
    "title": "العنوان ورقم CPR",
    "intro": "رقم CPR الخاص بك هو رقمك الشخصي في الدنمارك.",
}


def snapshot():
    return list(
        Unit.objects.order_by("pk").values_list("pk", "target_text", "state", "version", "origin")
    )


def parse(data):
    path = _write(data)
    return polib.pofile(str(path), encoding="utf-8")


def _write(data, name="file.po"):
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="po-test-"))
    path = folder / name
    path.write_bytes(data)
    return path


def translation_of(entry):
    """A stand-in Arabic rendering of an entry: every Latin word outside tags becomes “ع”;
    tags, numbers and punctuation are kept."""
    if entry.msgid.startswith("Adresse og"):
        return ARABIC["title"]
    if entry.msgid.startswith("Dit CPR-nummer"):
        return ARABIC["intro"]
    pieces = re.split(r"(<[^<>]+>)", entry.msgid)
    return "".join(
        piece if piece.startswith("<") else re.sub(r"[^\W\d_]+", "ع", piece) for piece in pieces
    )


def export(arabic, **options):
    return po.export_po(arabic, po.select_units(arabic, **options))


def translated_file(arabic, change=None):
    file = parse(export(arabic))
    for entry in file:
        entry.msgstr = translation_of(entry)
        if change:
            change(entry)
    return file.__unicode__().encode("utf-8")


def only(key, text):
    """A change that translates the entry ending in ``key`` as ``text`` and nothing else."""

    def change(entry):
        entry.msgstr = text if entry.msgctxt.endswith(key) else ""

    return change
