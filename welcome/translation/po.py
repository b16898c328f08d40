"""PO files for translators who work offline (polib).

Export (``export_po``): one entry per unit of one language, in a stable order, so the same state
exports to the same bytes. An entry's ``msgctxt`` names the unit —
``<app>.<model>:<translation key>:<segment key>`` — and never changes while the segment exists.
Extracted comments give the object's title, the field, the maximum length, the approved terms of
the source with their translation and the target hash (see below). An outdated unit is exported
``fuzzy`` with its old translation and the Danish text it translated as ``#| msgid``. The header
says ``Language``, ``Plural-Forms`` (from the language registry, the one source of plural rules)
and UTF-8.

Import (``import_po``), all in one transaction:

- the file is refused before parsing if it is larger than ``WELCOME_PO_MAX_BYTES``; it must be
  UTF-8 (bytes and header), without NUL bytes; it is parsed from a temporary file we write, never
  from a path found in the content (polib opens an existing path given as text);
- ``Language`` must be an active target language the user translates;
- a duplicated ``msgctxt`` or a syntax error refuses the file; fuzzy and obsolete entries are
  skipped; an unknown ``msgctxt`` is reported;
- an entry whose ``msgid`` is no longer the Danish source is *stale*; one whose stored translation
  changed since export (``target-hash`` in the file differs) is a *conflict*; neither is applied;
- rich text is sanitised to the markup of its source (tags and attributes the source does not
  have are removed, and the entry is refused if anything had to be removed); an entry failing a
  blocking quality check is refused with the reasons;
- applied units become drafts (or “needs review” with ``submit=True``), origin ``import``; the
  translation is published only after a reviewer approves it. Importing the same file again
  changes nothing (the entries are *unchanged*).
"""

import datetime
import gc
import hashlib
import os
import re
import tempfile
from collections import defaultdict
from dataclasses import dataclass, field

import polib
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone, translation
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from welcome.languages import registry as languages

from . import quality, roles
from .models import Unit, UnitOrigin, UnitState
from .terminology import glossary

HASH_PREFIX = "target-hash: "
HASH_LENGTH = 16
CONTEXT_PATTERN = re.compile(
    r"^(?P<app>[a-z_][a-z0-9_]*)\.(?P<model>[a-z_][a-z0-9_]*):"
    r"(?P<key>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(?P<segment>.+)$"
)
EXPORTABLE_STATES = [state.value for state in UnitState]
_CHARSET = re.compile(r"charset\s*=\s*([\w.-]+)", re.IGNORECASE)
_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>")
_NUMBERED_ID = re.compile(r'^\s+id="[a-zA-Z][a-zA-Z0-9_]*"\s*/?$')


class PoFileRefused(Exception):
    """The file as a whole was refused; nothing was changed. ``problems`` says why."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


def max_bytes():
    return settings.WELCOME_PO_MAX_BYTES


def target_hash(text):
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:HASH_LENGTH]


def msgctxt(content_type, translation_key, key):
    return f"{content_type.app_label}.{content_type.model}:{translation_key}:{key}"


# --- export ------------------------------------------------------------------------------------


def select_units(locale, *, pages=(), subtree=False, objects=(), states=None):
    """The current units of ``locale`` to export: of the given pages (and their descendants with
    ``subtree``) and ``objects`` (``(content type, translation key)`` pairs), or of everything
    when none is given; only ``states`` when given. In a stable order."""
    units = Unit.objects.filter(locale=locale).current()
    keys = set()
    for page in pages:
        keys.add(page.translation_key)
        if subtree:
            keys.update(page.get_descendants().values_list("translation_key", flat=True))
    keys.update(key for _ct, key in objects)
    if pages or objects:
        units = units.filter(translation_key__in=keys)
    if states:
        units = units.filter(state__in=list(states))
    return units.order_by("content_type_id", "translation_key", "position", "key")


def _titles(units):
    """``{(content type id, translation key): title of the Danish source}`` in few queries."""
    wanted = defaultdict(set)
    for content_type_id, key in units:
        wanted[content_type_id].add(key)
    titles = {}
    for content_type_id, keys in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        source = {"translation_key__in": keys, "locale__language_code": languages.source().code}
        if issubclass(model, Page):
            rows = Page.objects.filter(**source).values_list("translation_key", "title")
        else:
            rows = ((obj.translation_key, str(obj)) for obj in model.objects.filter(**source))
        for key, title in rows:
            titles[(content_type_id, key)] = title
    return titles


def _labels():
    """The comment lines' wording, translated once per export."""
    return {
        "object": _("Object: %(title)s"),
        "field": _("Field: %(field)s"),
        "max": _("Maximum length: %(max)d characters"),
        "avoid": _("Avoid: %(term)s → %(preferred)s"),
        "keep": _("Do not translate: %(term)s"),
        "term": _("Term: %(term)s = %(translation)s"),
        "critical": _("Critical: a fact (number, date, address) changed in Danish."),
    }


def _comments(unit, title, terms, labels):
    lines = [
        labels["object"] % {"title": title},
        labels["field"] % {"field": unit.context or unit.key},
    ]
    if unit.max_length:
        lines.append(labels["max"] % {"max": unit.max_length})
    for hit in terms.find(unit.source_text):
        if hit.discouraged:
            lines.append(labels["avoid"] % {"term": hit.term, "preferred": hit.translation})
        elif hit.do_not_translate:
            lines.append(labels["keep"] % {"term": hit.term})
        elif hit.translation:
            lines.append(labels["term"] % {"term": hit.term, "translation": hit.translation})
    if unit.critical:
        lines.append(labels["critical"])
    lines.append(HASH_PREFIX + target_hash(unit.target_text))
    return "\n".join(line.replace("\n", " ") for line in lines)


def _entry(unit, title, terms, content_types, labels):
    entry = polib.POEntry(
        msgctxt=msgctxt(content_types[unit.content_type_id], unit.translation_key, unit.key),
        msgid=unit.source_text,
        msgstr=unit.target_text or "",
        comment=_comments(unit, title, terms, labels),
    )
    if unit.state == UnitState.OUTDATED:
        entry.flags.append("fuzzy")
        if unit.previous_source:
            entry.previous_msgid = unit.previous_source
    return entry


def _header(locale, revised):
    language = languages.get(locale.language_code)
    return {
        "Project-Id-Version": "Velkommen",
        "Report-Msgid-Bugs-To": settings.DEFAULT_FROM_EMAIL,
        "PO-Revision-Date": revised.strftime("%Y-%m-%d %H:%M+0000"),
        "Last-Translator": f"Velkommen <{settings.DEFAULT_FROM_EMAIL}>",
        "Language-Team": f"{language.english_name} <{settings.DEFAULT_FROM_EMAIL}>",
        "Language": language.code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": language.plural_forms,
        "X-Source-Language": languages.source().code,
    }


def export_po(locale, units):
    """The PO file (bytes) for ``units`` of ``locale``. Same state, same bytes. Comments are
    written in the file's language (the translator's), whoever exports it."""
    paused = gc.isenabled()
    gc.disable()  # as in import_po: many long-lived objects, no cycles to collect early
    try:
        with translation.override(locale.language_code):
            return _export(locale, units)
    finally:
        if paused:
            gc.enable()


def _export(locale, units):
    units = list(units.select_related(None)) if hasattr(units, "select_related") else list(units)
    revised = max((unit.updated_at for unit in units), default=None)
    if revised is None:
        revised = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    po = polib.POFile(wrapwidth=0)
    po.header = _(
        "Velkommen – translation into %(language)s. Translate the msgstr lines only. Keep inline "
        'tags such as <a id="a1">…</a> and placeholders exactly as they are.'
    ) % {"language": languages.get(locale.language_code).english_name}
    po.metadata = _header(locale, revised.astimezone(datetime.UTC))
    titles = _titles({(unit.content_type_id, unit.translation_key) for unit in units})
    content_types = {
        pk: ContentType.objects.get_for_id(pk) for pk in {u.content_type_id for u in units}
    }
    terms = glossary.for_language(locale.language_code)
    labels = _labels()
    for unit in units:
        title = titles.get((unit.content_type_id, unit.translation_key), "")
        po.append(_entry(unit, title, terms, content_types, labels))
    return po.__unicode__().encode("utf-8")


# --- reading a file ----------------------------------------------------------------------------


def _line_of(data, offset):
    return data.count(b"\n", 0, offset) + 1


def _decode(data):
    if b"\x00" in data:
        raise PoFileRefused(
            [
                _("The file contains NUL bytes (line %(line)d).")
                % {"line": _line_of(data, data.index(b"\x00"))}
            ]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PoFileRefused(
            [
                _("The file is not valid UTF-8 (line %(line)d); save it as UTF-8 and try again.")
                % {"line": _line_of(data, error.start)}
            ]
        ) from error
    return text.removeprefix("\ufeff")


def read(data):
    """A parsed :class:`polib.POFile` from untrusted bytes, or :class:`PoFileRefused`."""
    if len(data) > max_bytes():
        raise PoFileRefused([too_large_message()])
    text = _decode(data)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".po", delete=False) as file:
        file.write(text)
        path = file.name
    try:
        po = polib.pofile(path, encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError, IndexError, KeyError) as error:
        message = str(error).replace(path, "the file")
        raise PoFileRefused(
            [_("The file is not a valid PO file: %(error)s") % {"error": message}]
        ) from error
    finally:
        os.unlink(path)
    charset = _CHARSET.search(po.metadata.get("Content-Type", ""))
    if not charset or charset.group(1).lower().replace("_", "-") not in {"utf-8", "utf8"}:
        raise PoFileRefused([_("The file's Content-Type header must declare charset=UTF-8.")])
    seen, duplicates = set(), []
    for entry in po:
        if entry.obsolete:
            continue
        identity = (entry.msgctxt, "" if entry.msgctxt is not None else entry.msgid)
        if identity in seen:
            duplicates.append(entry.msgctxt or entry.msgid[:40])
        seen.add(identity)
    if duplicates:
        raise PoFileRefused(
            [
                _("The msgctxt “%(context)s” appears more than once (line %(line)s).")
                % {"context": context, "line": _entry_line(po, context)}
                for context in duplicates[:10]
            ]
        )
    return po


def _entry_line(po, context):
    lines = [entry.linenum for entry in po if entry.msgctxt == context]
    return lines[-1] if lines else "?"


def too_large_message():
    return _("The file is larger than %(limit)s bytes; split it into smaller files.") % {
        "limit": f"{max_bytes():,}"
    }


# --- import ------------------------------------------------------------------------------------


@dataclass
class ImportReport:
    language: str = ""
    dry_run: bool = False
    refused: list = field(default_factory=list)
    applied: list = field(default_factory=list)
    unchanged: list = field(default_factory=list)
    stale: list = field(default_factory=list)
    conflict: list = field(default_factory=list)
    invalid: list = field(default_factory=list)  # (msgctxt, reason)
    unknown: list = field(default_factory=list)
    skipped: list = field(default_factory=list)  # fuzzy, obsolete or untranslated
    warnings: list = field(default_factory=list)  # (msgctxt, message)

    @property
    def accepted(self):
        """The file was read and checked as a whole (entries may still have been rejected)."""
        return not self.refused

    @property
    def complete(self):
        """Every translated entry was applied or was already there."""
        return self.accepted and not (self.stale or self.conflict or self.invalid or self.unknown)

    def lines(self):
        """The report as text lines, for the command and the logs."""
        if self.refused:
            return [_("Refused: %(problem)s") % {"problem": p} for p in self.refused]
        counts = _(
            "%(language)s: %(applied)d applied, %(unchanged)d unchanged, %(stale)d stale, "
            "%(conflict)d conflicts, %(invalid)d invalid, %(unknown)d unknown, %(skipped)d "
            "skipped."
        ) % {
            "language": self.language,
            "applied": len(self.applied),
            "unchanged": len(self.unchanged),
            "stale": len(self.stale),
            "conflict": len(self.conflict),
            "invalid": len(self.invalid),
            "unknown": len(self.unknown),
            "skipped": len(self.skipped),
        }
        lines = [counts]
        if self.dry_run:
            lines.append(_("Dry run: nothing was saved."))
        lines += [_("Stale (the Danish text changed): %(c)s") % {"c": c} for c in self.stale]
        lines += [
            _("Conflict (changed here since export): %(c)s") % {"c": c} for c in self.conflict
        ]
        lines += [_("Invalid: %(c)s: %(reason)s") % {"c": c, "reason": r} for c, r in self.invalid]
        lines += [_("Unknown msgctxt: %(c)s") % {"c": c} for c in self.unknown]
        lines += [_("Warning: %(c)s: %(m)s") % {"c": c, "m": m} for c, m in self.warnings]
        return lines


def check_language(po, user):
    """The target :class:`Locale` the file's ``Language`` header names, if the user may import
    into it; :class:`PoFileRefused` otherwise."""
    code = (po.metadata.get("Language") or "").strip().replace("_", "-")
    if not code:
        raise PoFileRefused([_("The file has no Language header.")])
    if code == languages.source().code:
        raise PoFileRefused([_("The file's language is the source language, Danish.")])
    if not languages.is_active(code):
        raise PoFileRefused(
            [
                _("The file's language “%(code)s” is not an active language here.")
                % {"code": code[:20]}
            ]
        )
    if user is not None and not roles.roles_for(user).can_translate(code):
        raise PoFileRefused(
            [_("You do not translate into %(language)s.") % {"language": languages.get(code)}]
        )
    return Locale.objects.get(language_code=code)


def sanitise(text, source):
    """``text`` with every tag the ``source`` segment does not use removed, and every attribute
    removed except the numbered ``id`` of inline tags; returns ``(clean, removed)``."""
    allowed = {(m.group(2).lower(), m.group(3)) for m in _TAG.finditer(source)}
    removed = []

    def keep(match):
        closing, name, attributes = match.groups()
        if closing:
            if any(tag == name.lower() for tag, _a in allowed):
                return match.group(0)
        elif (name.lower(), attributes) in allowed and (
            not attributes.strip() or _NUMBERED_ID.match(attributes)
        ):
            return match.group(0)
        removed.append(match.group(0))
        return ""

    clean = _TAG.sub(keep, text)
    clean = re.sub(r"(?is)<!--.*?-->", lambda m: removed.append(m.group(0)) or "", clean)
    return clean, removed


def _parse_context(context, content_types):
    match = CONTEXT_PATTERN.match(context or "")
    if not match:
        return None
    content_type = content_types.get((match["app"], match["model"]))
    if content_type is None:
        return None
    return content_type.pk, match["key"], match["segment"]


def _carried_hash(entry):
    for line in (entry.comment or "").splitlines():
        if line.startswith(HASH_PREFIX):
            return line[len(HASH_PREFIX) :].strip()
    return None


def _candidates(po):
    """Entries to consider, and those skipped (fuzzy, obsolete, untranslated)."""
    chosen, skipped = [], []
    for entry in po:
        if entry.obsolete or entry.fuzzy or not entry.msgstr or entry.msgid_plural:
            skipped.append(entry.msgctxt or entry.msgid[:40])
        else:
            chosen.append(entry)
    return chosen, skipped


def _load_units(locale, entries, content_types):
    keys = set()
    for entry in entries:
        parsed = _parse_context(entry.msgctxt, content_types)
        if parsed:
            keys.add(parsed[1])
    units = (
        Unit.objects.select_for_update()
        .filter(locale=locale, translation_key__in=keys)
        .current()
        .select_related("locale")
        .defer("markup", "previous_source", "previous_target", "approved_text", "context")
    )
    return {(u.content_type_id, str(u.translation_key), u.key): u for u in units}


def _judge(entry, unit, report, terms):
    """What to do with one entry: returns the text to apply, or ``None`` (reported)."""
    context = entry.msgctxt
    if entry.msgid != unit.source_text:
        report.stale.append(context)
        return None
    text = entry.msgstr.replace("\r\n", "\n")
    if text == unit.target_text:
        report.unchanged.append(context)
        return None
    carried = _carried_hash(entry)
    if carried != target_hash(unit.target_text):
        report.conflict.append(context)
        return None
    clean, removed = sanitise(text, unit.source_text)
    if removed:
        report.invalid.append(
            (
                context,
                _("Markup that is not allowed here was found: %(markup)s")
                % {"markup": ", ".join(sorted(set(removed)))[:200]},
            )
        )
        return None
    found = quality.findings(unit, clean, terms=terms.terms(unit.source_text))
    refused = [finding for finding in found if finding.blocking]
    if refused:
        report.invalid.append((context, quality.message(refused)))
        return None
    report.warnings += [(context, str(finding.message)) for finding in found]
    return clean


APPLIED_FIELDS = (
    "target_text",
    "state",
    "origin",
    "critical",
    "translated_by",
    "translated_at",
    "updated_at",
    "version",
)


def _write(units):
    """Store the applied units with one prepared UPDATE run for all rows (``executemany``):
    Django's ``bulk_update`` builds a CASE expression per field and row, which is slow for tens
    of thousands of rows. The rows were locked when read (same transaction)."""
    fields = [Unit._meta.get_field(name) for name in APPLIED_FIELDS]
    table = connection.ops.quote_name(Unit._meta.db_table)
    assignments = ", ".join(f"{connection.ops.quote_name(f.column)} = %s" for f in fields)
    sql = f"UPDATE {table} SET {assignments} WHERE {connection.ops.quote_name('id')} = %s"
    rows = []
    for unit in units:
        unit.version += 1
        rows.append(
            [f.get_db_prep_value(getattr(unit, f.attname), connection) for f in fields] + [unit.pk]
        )
    with connection.cursor() as cursor:
        for start in range(0, len(rows), 2000):
            cursor.executemany(sql, rows[start : start + 2000])


def import_po(data, *, user=None, dry_run=False, submit=False):
    """Apply a PO file (bytes) and return an :class:`ImportReport`. ``user`` is the translator
    (``None``: the system, e.g. an operator's command without ``--user``).

    The cyclic garbage collector is paused meanwhile: a large file makes tens of thousands of
    long-lived objects, and full collections over them would make the import grow faster than
    the file (nothing here creates reference cycles that need collecting early)."""
    paused = gc.isenabled()
    gc.disable()
    try:
        return _import(data, user=user, dry_run=dry_run, submit=submit)
    finally:
        if paused:
            gc.enable()


def _import(data, *, user, dry_run, submit):
    report = ImportReport(dry_run=dry_run)
    try:
        po = read(data)
        locale = check_language(po, user)
    except PoFileRefused as error:
        report.refused = error.problems
        return report
    report.language = locale.language_code
    entries, report.skipped = _candidates(po)
    content_types = {(ct.app_label, ct.model): ct for ct in ContentType.objects.all()}
    terms = glossary.for_language(locale.language_code)
    state = UnitState.REVIEW if submit else UnitState.DRAFT
    now = timezone.now()
    with transaction.atomic():
        units = _load_units(locale, entries, content_types)
        changed = []
        for entry in entries:
            parsed = _parse_context(entry.msgctxt, content_types)
            unit = units.get(parsed) if parsed else None
            if unit is None:
                report.unknown.append(entry.msgctxt or entry.msgid[:40])
                continue
            text = _judge(entry, unit, report, terms)
            if text is None:
                continue
            if unit.state == UnitState.OUTDATED:
                unit.critical = False
            unit.target_text, unit.state, unit.origin = text, state, UnitOrigin.IMPORT
            unit.translated_by, unit.translated_at, unit.updated_at = user, now, now
            changed.append(unit)
            report.applied.append(entry.msgctxt)
        if changed and not dry_run:
            _write(changed)
        if dry_run:
            transaction.set_rollback(True)
    return report


def last_change(locale):
    return Unit.objects.filter(locale=locale).aggregate(last=Max("updated_at"))["last"]
