"""Critical facts in a text: numbers, dates, times, phone numbers, e-mail addresses and URLs.

A source change that alters any of them makes the outdated translation *critical*: a reader of the
old translation would call the wrong number or come on the wrong day.
"""

import re
from collections import Counter

from django.utils.translation import gettext_lazy as _

KINDS = {
    "url": _("web address"),
    "email": _("e-mail address"),
    "phone": _("phone number"),
    "date": _("date"),
    "time": _("time"),
    "number": _("number"),
}

# Tried in this order; each match is removed before the next kind is looked for, so a phone
# number is not counted again as numbers.
_PATTERNS = [
    ("url", re.compile(r"\b(?:https?://|www\.)[^\s<>\"']+[^\s<>\"'.,;:!?)]", re.IGNORECASE)),
    ("email", re.compile(r"\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+\b")),
    ("phone", re.compile(r"(?<![\w.])\+?\d{2}(?:[ -]?\d{2}){3,6}(?![\w])")),
    (
        "date",
        re.compile(
            r"\b\d{4}-\d{1,2}-\d{1,2}\b|\b\d{1,2}[./-]\d{1,2}[./-]\d{2,4}\b"
            r"|\b\d{1,2}\.\s?(?:jan|feb|mar|apr|maj|jun|jul|aug|sep|okt|nov|dec)[a-z]*\b",
            re.IGNORECASE,
        ),
    ),
    ("time", re.compile(r"\b(?:[01]?\d|2[0-3])[:.][0-5]\d\b")),
    ("number", re.compile(r"\d+(?:[.,]\d+)*")),
]


def _normalise(kind, value):
    if kind == "phone":
        return re.sub(r"[^\d+]", "", value)
    if kind in ("url", "email"):
        return value.lower()
    if kind == "time":
        return value.replace(".", ":").zfill(5)
    return value


def find(text):
    """A Counter of ``(kind, value)`` for the facts in ``text``."""
    found = Counter()
    for kind, pattern in _PATTERNS:
        for match in pattern.finditer(text):
            found[(kind, _normalise(kind, match.group(0)))] += 1
        text = pattern.sub(" ", text)
    return found


def changed_kinds(old, new):
    """The kinds of fact that differ between two texts (empty: no critical change)."""
    before, after = find(old), find(new)
    return sorted({kind for kind, _value in (before - after) + (after - before)})


def kind_labels(kinds):
    return [KINDS[kind] for kind in kinds]
