"""Quality checks on one translated segment: pure functions, no database.

``run(source, target, ...)`` returns a list of :class:`Finding` s. *Blocking* findings stop a save,
an approval and a PO import of the entry; *warnings* are shown to the translator and reviewer.

Blocking
    ``tags``          inline tags differ (rich text: the numbered ``<a id="a1">`` tags and block
                      markup must survive unchanged; a tag the source lacks, e.g. ``<script>``, is
                      refused too)
    ``placeholders``  printf (``%(name)s``, ``%s``) or brace (``{name}``) placeholders differ
    ``max_length``    longer than the field allows (visible characters, tags not counted)
    ``empty``         nothing but whitespace or tags
    ``bidi``          bidirectional embedding, override or isolate characters (U+202A–U+202E,
                      U+2066–U+2069), which can make text read differently from how it is stored;
                      the marks U+200E/U+200F that right-to-left typing needs are allowed

Warnings
    ``numbers``       the numbers differ (digits of any script compared as values: ٣٣ = 33)
    ``urls``          web or e-mail addresses differ
    ``glossary``      an approved term of the source has no approved translation in the target
    ``identical``     the translation is the source unchanged
    ``whitespace``    leading or trailing whitespace differs
    ``punctuation``   the final punctuation differs (Arabic ``؟`` matches ``?``, Urdu ``۔`` ``.``)
"""

import re
import unicodedata
from collections import Counter
from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _

BLOCKING = "blocking"
WARNING = "warning"

TAG = re.compile(r"</?[a-zA-Z][^<>]*>")
PRINTF = re.compile(r"%(?:\d+\$|\([\w.-]+\))?[+#-]*\d*(?:\.\d+)?(?:hh|h|ll|l)?[sdifurxXeEgGc]")
BRACE = re.compile(r"\{[A-Za-z_][\w.]*\}|\{\d+\}")
BIDI_CONTROLS = {chr(c) for c in [*range(0x202A, 0x202F), *range(0x2066, 0x206A)]}
URL = re.compile(
    r"(?:https?://|www\.)[^\s<>\"']+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+|mailto:[^\s<>\"']+",
    re.IGNORECASE,
)
DIGITS = re.compile(r"\d+")
# Final punctuation: each script's mark is compared with its Latin equivalent.
PUNCTUATION_EQUIVALENTS = {
    "؟": "?",
    "،": ",",
    "؛": ";",
    "۔": ".",
    "。": ".",
    "！": "!",
    "？": "?",
    "…": "...",
}
FINAL_PUNCTUATION = set(".?!:;,") | set(PUNCTUATION_EQUIVALENTS)


@dataclass(frozen=True)
class Finding:
    code: str
    severity: str
    message: str

    @property
    def blocking(self):
        return self.severity == BLOCKING

    def as_dict(self):
        return {"code": self.code, "severity": self.severity, "message": str(self.message)}


@dataclass(frozen=True)
class GlossaryTerm:
    """An approved term found in the source, with its approved translation in the target
    language (``translation`` equals ``term`` for a do-not-translate term)."""

    term: str
    translation: str
    do_not_translate: bool = False


# --- helpers -----------------------------------------------------------------------------------


def tags(text):
    if "<" not in text:
        return Counter()
    return Counter(match.group(0) for match in TAG.finditer(text))


def visible_text(text, kind="text"):
    """What a reader sees: for rich text, the text without tags and with entities decoded."""
    if kind != "rich" or ("<" not in text and "&" not in text):
        return text
    from html import unescape

    return unescape(TAG.sub("", text))


def placeholders(text):
    found = Counter()
    if "%" in text:
        found.update(PRINTF.findall(text))
    if "{" in text:
        found.update(BRACE.findall(text))
    return found


def numbers(text):
    """The numbers of ``text`` as ASCII digit strings, whatever the script (Arabic-Indic,
    extended Arabic-Indic for Persian and Urdu, ...), leading zeros kept."""
    return Counter(
        run if run.isascii() else "".join(str(unicodedata.digit(char)) for char in run)
        for run in DIGITS.findall(text)
    )


def urls(text):
    if not any(marker in text for marker in ("://", "www.", "@", "mailto:")):
        return Counter()
    return Counter(match.rstrip(".,;:!?)").lower() for match in URL.findall(text))


def normalised(text):
    return unicodedata.normalize("NFKC", text).casefold()


def _final_mark(text):
    stripped = text.rstrip()
    if not stripped:
        return ""
    if stripped.endswith(("...", "…")):
        return "..."
    last = stripped[-1]
    if last in FINAL_PUNCTUATION:
        return PUNCTUATION_EQUIVALENTS.get(last, last)
    return ""


def _describe(counter):
    return ", ".join(sorted(counter.elements())) or "—"


def contains_term(text, term):
    """Whether ``term`` occurs in ``text``, ignoring case and width (a simple, lenient test)."""
    return normalised(term) in normalised(text)


# --- the checks --------------------------------------------------------------------------------


def check_tags(source, target, kind):
    if "<" not in source and "<" not in target:
        return None
    missing, extra = tags(source) - tags(target), tags(target) - tags(source)
    if not (missing or extra):
        return None
    return Finding(
        "tags",
        BLOCKING,
        _(
            "Inline tags differ from the source (missing: %(missing)s; "
            "not in the source: %(extra)s)."
        )
        % {"missing": _describe(missing), "extra": _describe(extra)},
    )


def check_placeholders(source, target):
    if not any(char in text for text in (source, target) for char in "%{"):
        return None
    missing = placeholders(source) - placeholders(target)
    extra = placeholders(target) - placeholders(source)
    if not (missing or extra):
        return None
    return Finding(
        "placeholders",
        BLOCKING,
        _("Placeholders differ from the source (missing: %(missing)s; extra: %(extra)s).")
        % {"missing": _describe(missing), "extra": _describe(extra)},
    )


def check_max_length(target, max_length, kind):
    if not max_length:
        return None
    length = len(visible_text(target, kind))
    if length <= max_length:
        return None
    return Finding(
        "max_length",
        BLOCKING,
        _("%(length)d characters; at most %(max)d are allowed.")
        % {"length": length, "max": max_length},
    )


def check_empty(target, kind):
    if visible_text(target, kind).strip():
        return None
    return Finding("empty", BLOCKING, _("The translation is empty."))


def check_bidi(target):
    found = sorted({char for char in target if char in BIDI_CONTROLS})
    if not found:
        return None
    return Finding(
        "bidi",
        BLOCKING,
        _(
            "Remove the bidirectional control characters %(characters)s: they can make the text "
            "read differently from how it is stored."
        )
        % {"characters": ", ".join(f"U+{ord(char):04X}" for char in found)},
    )


def check_numbers(source, target, kind):
    source_numbers = numbers(visible_text(source, kind))
    target_numbers = numbers(visible_text(target, kind))
    if source_numbers == target_numbers:
        return None
    return Finding(
        "numbers",
        WARNING,
        _("Numbers differ from the source (source: %(source)s; translation: %(target)s).")
        % {"source": _describe(source_numbers), "target": _describe(target_numbers)},
    )


def check_urls(source, target):
    missing, extra = urls(source) - urls(target), urls(target) - urls(source)
    if not (missing or extra):
        return None
    return Finding(
        "urls",
        WARNING,
        _("Web or e-mail addresses differ (missing: %(missing)s; extra: %(extra)s).")
        % {"missing": _describe(missing), "extra": _describe(extra)},
    )


def check_glossary(target, glossary):
    missing = [
        term
        for term in glossary
        if term.translation and not contains_term(target, term.translation)
    ]
    if not missing:
        return None
    return Finding(
        "glossary",
        WARNING,
        _("Approved terms missing: %(terms)s.")
        % {"terms": "; ".join(f"{term.term} → {term.translation}" for term in missing)},
    )


def check_identical(source, target, kind, glossary):
    if source.strip() != target.strip():
        return None
    text = visible_text(source, kind)
    for term in glossary:
        if term.do_not_translate:
            text = re.sub(re.escape(term.term), "", text, flags=re.IGNORECASE)
    if not any(char.isalpha() for char in text):
        return None
    return Finding("identical", WARNING, _("The translation is the same as the source."))


def check_whitespace(source, target):
    def edges(text):
        return (text[: len(text) - len(text.lstrip())], text[len(text.rstrip()) :])

    if edges(source) == edges(target):
        return None
    return Finding(
        "whitespace",
        WARNING,
        _("Leading or trailing whitespace differs from the source."),
    )


def check_punctuation(source, target, kind):
    source_mark = _final_mark(visible_text(source, kind))
    target_mark = _final_mark(visible_text(target, kind))
    if source_mark == target_mark:
        return None
    return Finding(
        "punctuation",
        WARNING,
        _(
            "The final punctuation differs from the source (source: “%(source)s”; translation: "
            "“%(target)s”)."
        )
        % {"source": source_mark or "—", "target": target_mark or "—"},
    )


def run(source, target, *, kind="text", max_length=None, glossary=()):
    """Every finding for ``target`` as a translation of ``source``: blocking ones first."""
    if check_empty(target, kind):
        return [check_empty(target, kind)]
    findings = [
        check_tags(source, target, kind),
        check_placeholders(source, target),
        check_max_length(target, max_length, kind),
        check_bidi(target),
        check_numbers(source, target, kind),
        check_urls(source, target),
        check_glossary(target, glossary),
        check_identical(source, target, kind, glossary),
        check_whitespace(source, target),
        check_punctuation(source, target, kind),
    ]
    found = [finding for finding in findings if finding is not None]
    return sorted(found, key=lambda finding: not finding.blocking)


def blocking(findings):
    return [finding for finding in findings if finding.blocking]


def warnings(findings):
    return [finding for finding in findings if not finding.blocking]


class CheckFailed(ValueError):
    """A translation failed a blocking check; ``findings`` says which."""

    def __init__(self, findings):
        self.findings = findings
        super().__init__("; ".join(str(finding.message) for finding in findings))
