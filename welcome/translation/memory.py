"""Translation memory: what approved translations of the same language offer a new segment.

*Exact* matches are approved units (of any object) whose Danish source is the same text; one click
applies the translation, and a request can pre-fill them as drafts (``prefill``). *Fuzzy* matches
are at least ``FUZZY_THRESHOLD`` similar (difflib ratio over words); the editor shows them with
the difference between their source and the current one highlighted (escaped HTML).

Lookups are batched: ``suggestions_for(units)`` answers every segment of an editor page with a
fixed number of queries (one for exact matches, one for the fuzzy candidate pool), whatever the
number of segments. Fuzzy candidates are narrowed with an index of shared words before difflib
runs, so a large memory stays fast.
"""

import difflib
import heapq
import re
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass

from django.db.models.functions import Length
from django.utils.html import escape
from django.utils.safestring import mark_safe

from .models import Unit, UnitOrigin, UnitState

FUZZY_THRESHOLD = 0.75
MAX_SUGGESTIONS = 3
# The fuzzy candidate pool: the most recently approved units of the language in the length band.
POOL_SIZE = 5000
SHORTLIST = 12
_TOKENS = re.compile(r"\s+|\w+|[^\w\s]", re.UNICODE)
_WORDS = re.compile(r"\w+", re.UNICODE)
_WORD_OR_MARK = re.compile(r"\w+|[^\w\s]", re.UNICODE)


@dataclass(frozen=True)
class Suggestion:
    unit_id: int
    source_text: str
    target_text: str
    similarity: float
    diff_html: str

    @property
    def exact(self):
        return self.similarity >= 1.0

    @property
    def percent(self):
        return int(self.similarity * 100)

    def as_dict(self):
        return {
            "unit": self.unit_id,
            "source": self.source_text,
            "target": self.target_text,
            "similarity": self.percent,
            "exact": self.exact,
            "diff": self.diff_html,
        }


def _normalised(text):
    return unicodedata.normalize("NFKC", text).casefold()


def tokens(text):
    """Words and punctuation marks; whitespace does not count towards similarity."""
    return _WORD_OR_MARK.findall(_normalised(text))


def similarity(a, b):
    """How alike two source texts are, 0..1: difflib's ratio over words and punctuation marks
    (case and width ignored). 1.0 only for the same text."""
    if a == b:
        return 1.0
    ratio = difflib.SequenceMatcher(a=tokens(a), b=tokens(b), autojunk=False).ratio()
    return min(ratio, 0.99)


def diff_html(old, new):
    """``old`` → ``new`` word by word as escaped HTML: removed words in ``<del>``, added in
    ``<ins>``. Markup in the texts is shown as text, never interpreted."""
    before, after = _TOKENS.findall(old), _TOKENS.findall(new)
    parts = []
    matcher = difflib.SequenceMatcher(a=before, b=after, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        if op == "equal":
            parts.append(escape("".join(before[a1:a2])))
            continue
        if a2 > a1:
            parts.append(f"<del>{escape(''.join(before[a1:a2]))}</del>")
        if b2 > b1:
            parts.append(f"<ins>{escape(''.join(after[b1:b2]))}</ins>")
    return mark_safe("".join(parts))  # every piece escaped above


def length_band(text):
    """Shortest and longest texts that can still reach the threshold (ratio = 2M / (a + b))."""
    length = len(text)
    low = int(length * FUZZY_THRESHOLD / (2 - FUZZY_THRESHOLD))
    high = int(length * (2 - FUZZY_THRESHOLD) / FUZZY_THRESHOLD) + 1
    return low, high


class Memory:
    """A pool of approved ``(unit id, source, target)`` entries of one language, searchable."""

    def __init__(self, entries):
        self.entries = list(entries)
        self.by_source = {}
        self.index = defaultdict(list)
        for position, (_pk, source, _target) in enumerate(self.entries):
            self.by_source.setdefault(source, position)
            for word in set(_WORDS.findall(_normalised(source))):
                self.index[word].append(position)

    def lookup(self, source, *, limit=MAX_SUGGESTIONS, exclude=()):
        """The best matches for ``source``: the exact one first, then fuzzy ones ≥ threshold."""
        found = []
        exact = self.by_source.get(source)
        if exact is not None and self.entries[exact][0] not in exclude:
            pk, text, target = self.entries[exact]
            found.append(Suggestion(pk, text, target, 1.0, escape(text)))
        shared = Counter()
        for word in set(_WORDS.findall(_normalised(source))):
            for position in self.index.get(word, ()):
                shared[position] += 1
        low, high = length_band(source)
        shortlist = heapq.nlargest(
            SHORTLIST,
            (
                position
                for position in shared
                if position != exact and low <= len(self.entries[position][1]) <= high
            ),
            key=lambda position: shared[position],
        )
        fuzzy = []
        for position in shortlist:
            pk, text, target = self.entries[position]
            if pk in exclude:
                continue
            score = similarity(text, source)
            if score >= FUZZY_THRESHOLD:
                fuzzy.append(Suggestion(pk, text, target, score, diff_html(text, source)))
        fuzzy.sort(key=lambda suggestion: (-suggestion.similarity, suggestion.unit_id))
        unique_targets = []
        for suggestion in found + fuzzy:
            if suggestion.target_text not in {s.target_text for s in unique_targets}:
                unique_targets.append(suggestion)
        return unique_targets[:limit]


def approved(locale):
    return Unit.objects.filter(
        locale=locale, state=UnitState.APPROVED, archived_at__isnull=True
    ).exclude(target_text="")


def memory_for(locale, texts):
    """A :class:`Memory` of ``locale`` holding what can match ``texts``: every exact match and
    up to ``POOL_SIZE`` recent approved units in the texts' length band. Two queries."""
    texts = [text for text in texts if text.strip()]
    if not texts:
        return Memory([])
    base = approved(locale)
    exact = list(
        base.filter(source_text__in=set(texts)).values_list("pk", "source_text", "target_text")
    )
    bands = [length_band(text) for text in texts]
    pool = list(
        base.annotate(length=Length("source_text"))
        .filter(length__gte=min(low for low, _ in bands), length__lte=max(h for _, h in bands))
        .order_by("-reviewed_at", "-pk")
        .values_list("pk", "source_text", "target_text")[:POOL_SIZE]
    )
    seen = {pk for pk, _s, _t in exact}
    return Memory(exact + [entry for entry in pool if entry[0] not in seen])


def needs_work(unit):
    return unit.state in (UnitState.UNTRANSLATED, UnitState.OUTDATED, UnitState.DRAFT)


def suggestions_for(units):
    """``{unit pk: [Suggestion, ...]}`` for the units that still need work (all of one locale).
    A unit never suggests itself."""
    units = [unit for unit in units if needs_work(unit)]
    if not units:
        return {}
    memory = memory_for(units[0].locale, [unit.source_text for unit in units])
    return {
        unit.pk: found
        for unit in units
        if (found := memory.lookup(unit.source_text, exclude={unit.pk}))
    }


def exact_match(unit):
    """The approved translation of the same source text in the unit's language, or ``None``."""
    match = approved(unit.locale).filter(source_text=unit.source_text).exclude(pk=unit.pk)
    return match.order_by("-reviewed_at", "-pk").first()


def apply_match(unit, match_id, *, version, user):
    """Put the translation of approved unit ``match_id`` into ``unit`` as a draft (origin:
    memory), through the same service, permission and checks as typing it."""
    from . import services

    match = approved(unit.locale).filter(pk=match_id).first()
    if match is None:
        raise services.InvalidTranslation("That suggestion is no longer in the memory.")
    return services.save_unit(
        unit, match.target_text, version=version, user=user, origin=UnitOrigin.MEMORY
    )


def prefill(units):
    """Pre-fill untranslated units that have an exact match as drafts (origin: memory), without
    a translator (the system did it). Returns how many. Two queries plus one update each."""
    from django.utils import timezone

    units = [unit for unit in units if unit.state == UnitState.UNTRANSLATED]
    if not units:
        return 0
    by_locale = defaultdict(list)
    for unit in units:
        by_locale[unit.locale_id].append(unit)
    filled = 0
    now = timezone.now()
    for locale_units in by_locale.values():
        texts = {unit.source_text for unit in locale_units}
        matches = {}
        for source, target in (
            approved(locale_units[0].locale_id)
            .filter(source_text__in=texts)
            .order_by("reviewed_at", "pk")
            .values_list("source_text", "target_text")
        ):
            matches[source] = target
        for unit in locale_units:
            target = matches.get(unit.source_text)
            if target is None:
                continue
            filled += Unit.objects.filter(
                pk=unit.pk, version=unit.version, state=UnitState.UNTRANSLATED
            ).update(
                target_text=target,
                state=UnitState.DRAFT,
                origin=UnitOrigin.MEMORY,
                translated_at=now,
                updated_at=now,
                version=unit.version + 1,
            )
    return filled
