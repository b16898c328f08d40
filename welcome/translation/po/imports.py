"""Import: check a translator's file entry by entry and apply it in one transaction (see the
package docstring)."""

import gc
import re
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Locale

from welcome.languages import registry as languages

from .. import quality, roles
from ..models import Unit, UnitOrigin, UnitState
from ..terminology import glossary
from .common import CONTEXT_PATTERN, HASH_PREFIX, PoFileRefused, read, target_hash

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)([^<>]*)>")
_NUMBERED_ID = re.compile(r'^\s+id="[a-zA-Z][a-zA-Z0-9_]*"\s*/?$')


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
