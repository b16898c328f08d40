"""Terminology as CSV: one row per concept, a column per language for terms and notes.

Columns: ``slug``, ``do_not_translate``, ``term_<code>`` and ``note_<code>`` for every supported
language. Import is all or nothing: every row is checked first (encoding, header, slug, duplicate
rows, lengths, bidirectional control characters); any problem is reported with its row and
nothing is written. Rows are matched by slug: existing concepts are updated, new ones created,
concepts missing from the file are kept. Importing an exported file changes nothing.
"""

import csv
import io
from dataclasses import dataclass, field

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.validators import validate_slug
from django.db import transaction
from django.utils.translation import gettext as _

from welcome.translation.checks import BIDI_CONTROLS

from .models import Concept

MAX_BYTES = 1024 * 1024
MAX_ROWS = 5000
TRUE = {"1", "true", "yes", "ja"}
FALSE = {"", "0", "false", "no", "nej"}


class SpreadsheetError(ValueError):
    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class ImportResult:
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)


def columns():
    codes = settings.MODELTRANSLATION_LANGUAGES
    return [
        "slug",
        "do_not_translate",
        *(f"term_{code}" for code in codes),
        *(f"note_{code}" for code in codes),
    ]


def export_csv(concepts=None):
    """The terminology as CSV text (UTF-8, header row first, rows by slug)."""
    concepts = Concept.objects.order_by("slug") if concepts is None else concepts
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    header = columns()
    writer.writerow(header)
    for concept in concepts:
        row = []
        for name in header:
            value = getattr(concept, name)
            if name == "do_not_translate":
                value = "1" if value else "0"
            row.append(value or "")
        writer.writerow(row)
    return buffer.getvalue()


def _decode(data):
    if len(data) > MAX_BYTES:
        raise SpreadsheetError(
            [_("The file is larger than %(limit)d bytes.") % {"limit": MAX_BYTES}]
        )
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise SpreadsheetError(
            [_("The file is not UTF-8 (byte %(position)d).") % {"position": error.start}]
        ) from error
    if "\x00" in text:
        raise SpreadsheetError([_("The file contains NUL bytes.")])
    return text


def _read_rows(text):
    reader = csv.reader(io.StringIO(text, newline=""), strict=True)
    try:
        rows = list(reader)
    except csv.Error as error:
        raise SpreadsheetError(
            [_("Line %(line)d: %(error)s") % {"line": reader.line_num, "error": error}]
        ) from error
    if not rows:
        raise SpreadsheetError([_("The file is empty.")])
    if len(rows) > MAX_ROWS + 1:
        raise SpreadsheetError([_("At most %(max)d rows are allowed.") % {"max": MAX_ROWS}])
    return rows


def _check_header(header):
    known = set(columns())
    unknown = [name for name in header if name not in known]
    problems = []
    if unknown:
        problems.append(_("Unknown columns: %(columns)s.") % {"columns": ", ".join(unknown)})
    for required in ("slug", f"term_{settings.WELCOME_SOURCE_LANGUAGE}"):
        if required not in header:
            problems.append(_("The column “%(column)s” is missing.") % {"column": required})
    if len(set(header)) != len(header):
        problems.append(_("A column appears twice."))
    if problems:
        raise SpreadsheetError(problems)


def _row_problems(number, values, seen):
    problems = []
    where = _("Row %(row)d") % {"row": number}
    slug = values.get("slug", "")
    try:
        validate_slug(slug)
    except ValidationError:
        problems.append(
            _("%(where)s: “%(slug)s” is not a valid slug.") % {"where": where, "slug": slug}
        )
    if slug in seen:
        problems.append(
            _("%(where)s: the slug “%(slug)s” appears twice.") % {"where": where, "slug": slug}
        )
    seen.add(slug)
    if not values.get(f"term_{settings.WELCOME_SOURCE_LANGUAGE}", "").strip():
        problems.append(_("%(where)s: the Danish term is empty.") % {"where": where})
    flag = values.get("do_not_translate", "").strip().lower()
    if flag not in TRUE | FALSE:
        problems.append(
            _("%(where)s: do_not_translate must be 1 or 0, not “%(value)s”.")
            % {"where": where, "value": flag}
        )
    for name, value in values.items():
        if name.startswith("term_") and len(value) > 200:
            problems.append(
                _("%(where)s: %(column)s is longer than 200 characters.")
                % {"where": where, "column": name}
            )
        if any(char in BIDI_CONTROLS for char in value):
            problems.append(
                _("%(where)s: %(column)s contains bidirectional control characters.")
                % {"where": where, "column": name}
            )
    return problems


def parse(data):
    """Checked rows ``[{column: value}]`` of CSV bytes; :class:`SpreadsheetError` otherwise."""
    rows = _read_rows(_decode(data))
    header = [name.strip() for name in rows[0]]
    _check_header(header)
    problems, parsed, seen = [], [], set()
    for number, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        if len(row) != len(header):
            problems.append(
                _("Row %(row)d has %(found)d cells; the header has %(expected)d.")
                % {"row": number, "found": len(row), "expected": len(header)}
            )
            continue
        values = {name: cell.strip() for name, cell in zip(header, row, strict=True)}
        problems.extend(_row_problems(number, values, seen))
        parsed.append(values)
    if problems:
        raise SpreadsheetError(problems[:50])
    return parsed


def import_csv(data):
    """Create or update concepts from CSV bytes, all or nothing."""
    rows = parse(data)
    result = ImportResult()
    existing = Concept.objects.in_bulk([row["slug"] for row in rows], field_name="slug")
    with transaction.atomic():
        for values in rows:
            concept = existing.get(values["slug"]) or Concept(slug=values["slug"])
            changes = {}
            for name, value in values.items():
                if name == "slug":
                    continue
                if name == "do_not_translate":
                    value = value.lower() in TRUE
                current = getattr(concept, name)
                if (current or ("" if name != "do_not_translate" else False)) != value:
                    changes[name] = value
            if concept.pk and not changes:
                result.unchanged.append(concept.slug)
                continue
            for name, value in changes.items():
                setattr(concept, name, value)
            concept.full_clean()
            (result.updated if concept.pk else result.created).append(concept.slug)
            concept.save()
    return result
