"""Keeping units in step with the Danish source.

``sync_source(obj)`` runs when a source object is published: its segments are extracted again and
compared with the units of every language that has some. A segment whose text changed makes its
unit *outdated* (the old source and old translation are kept for the editor's diff), *critical* if
a fact changed (``facts``); a new segment gets an untranslated unit in every language; a segment
that disappeared is archived (kept, with its translation). Under ``minor_edit()`` changed units
take the new source text and stay as they were.

``ensure_units(obj, locale)`` gives a language its units when translation is first requested; an
existing translation (made before the engine knew the object) is recorded as approved.
"""

import contextvars
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import transaction
from django.utils import timezone

from . import facts, registry, segments
from .models import Unit, UnitState

_minor = contextvars.ContextVar("translation_minor_edit", default=False)

UNIT_LAYOUT_FIELDS = ("kind", "max_length", "context", "position", "markup")


@contextmanager
def minor_edit(active=True):
    """Publishing inside this block is a minor edit: translations stay current."""
    token = _minor.set(active)
    try:
        yield
    finally:
        _minor.reset(token)


def is_minor_edit():
    return _minor.get()


@dataclass
class SyncResult:
    created: int = 0
    outdated: int = 0
    critical: int = 0
    archived: int = 0
    updated: int = 0
    languages: set = field(default_factory=set)


def _fact_text(text, markup):
    return " ".join([text, *(markup or {}).values()])


def _layout(unit, segment, position):
    unit.kind = segment.kind
    unit.max_length = segment.max_length
    unit.context = segment.context[:300]
    unit.position = position
    unit.markup = segment.markup


def _apply_change(unit, segment, minor, result):
    """The source of ``unit`` changed to ``segment``: update it, outdating its translation."""
    old_fact_text = _fact_text(unit.source_text, unit.markup)
    if minor or unit.state == UnitState.UNTRANSLATED:
        if unit.approved_text is not None and unit.approved_hash == unit.source_hash:
            unit.approved_hash = segment.hash  # the approved translation stays current
        result.updated += 1
    elif unit.state == UnitState.OUTDATED:
        unit.critical = unit.critical or bool(
            facts.changed_kinds(unit.previous_source or old_fact_text, segment.text)
        )
        result.outdated += 1
    else:
        unit.previous_source = unit.source_text
        unit.previous_target = unit.approved_text or unit.target_text
        unit.state = UnitState.OUTDATED
        unit.critical = bool(
            facts.changed_kinds(old_fact_text, _fact_text(segment.text, segment.markup))
        )
        result.outdated += 1
    result.critical += unit.critical and unit.state == UnitState.OUTDATED
    unit.source_text = segment.text
    unit.source_hash = segment.hash


@transaction.atomic
def sync_source(obj, minor=None):
    """Re-extract the published source ``obj`` and update every language's units."""
    minor = is_minor_edit() if minor is None else minor
    obj = registry.specific(obj)
    content_type = registry.content_type_of(obj)
    found = segments.extract(obj)
    units = list(Unit.objects.select_for_update().for_object(content_type, obj.translation_key))
    result = SyncResult()
    by_locale = {}
    for unit in units:
        by_locale.setdefault(unit.locale_id, {})[unit.key] = unit
    now = timezone.now()
    new_units, changed = [], []
    for locale_id, existing in by_locale.items():
        for position, segment in enumerate(found):
            unit = existing.pop(segment.key, None)
            if unit is None:
                new_units.append(_new_unit(content_type, obj, locale_id, segment, position))
                result.created += 1
                continue
            if unit.archived_at is not None:
                unit.archived_at = None
            if unit.source_hash != segment.hash:
                _apply_change(unit, segment, minor, result)  # reads the old markup
                unit.version += 1
            _layout(unit, segment, position)
            changed.append(unit)
        for unit in existing.values():
            if unit.archived_at is None:
                unit.archived_at = now
                unit.version += 1
                result.archived += 1
                changed.append(unit)
        result.languages.add(locale_id)
    Unit.objects.bulk_create(new_units)
    Unit.objects.bulk_update(
        changed,
        [
            *UNIT_LAYOUT_FIELDS,
            "archived_at",
            "source_text",
            "source_hash",
            "approved_hash",
            "previous_source",
            "previous_target",
            "state",
            "critical",
            "version",
            "updated_at",
        ],
    )
    return result


def _new_unit(content_type, obj, locale_id, segment, position, **values):
    unit = Unit(
        content_type=content_type,
        translation_key=obj.translation_key,
        locale_id=locale_id,
        key=segment.key,
        source_text=segment.text,
        source_hash=segment.hash,
        **values,
    )
    _layout(unit, segment, position)
    return unit


@transaction.atomic
def ensure_units(obj, locale, recorded_by=None):
    """Units of the live source ``obj`` in ``locale``; creates the missing ones. Where a
    translation already exists, its texts are recorded as approved. Returns how many were made."""
    obj = registry.live_version(obj)
    content_type = registry.content_type_of(obj)
    existing = set(
        Unit.objects.for_object(content_type, obj.translation_key, locale).values_list(
            "key", flat=True
        )
    )
    found = segments.extract(obj)
    missing = [(p, s) for p, s in enumerate(found) if s.key not in existing]
    if not missing:
        return 0
    translated = {}
    target = obj.get_translation_or_none(locale)
    if target is not None and not existing:
        translated = {s.key: s.text for s in segments.extract(registry.live_version(target))}
    now = timezone.now()
    new_units = []
    for position, segment in missing:
        text = translated.get(segment.key)
        values = {}
        if text is not None and text.strip():
            values = {
                "target_text": text,
                "approved_text": text,
                "approved_hash": segment.hash,
                "state": UnitState.APPROVED,
                "translated_at": now,
                "reviewed_at": now,
                "reviewed_by": recorded_by,
            }
        new_units.append(_new_unit(content_type, obj, locale.pk, segment, position, **values))
    Unit.objects.bulk_create(new_units)
    return len(new_units)


# The admin's edit views say which object is being published as a minor edit (hooks); the
# ``published`` receiver reads it once.
_minor_object = contextvars.ContextVar("translation_minor_edit_object", default=None)


def set_minor_edit_for(pk):
    _minor_object.set(pk)


def take_minor_edit_for(obj):
    """Whether the edit view marked ``obj`` as published as a minor edit (read once)."""
    pk = _minor_object.get()
    if pk is not None and pk == obj.pk:
        _minor_object.set(None)
        return True
    return False
