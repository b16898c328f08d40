"""Finding terminology in text: approved terms (with their translation into the target language)
and discouraged terms (with the preferred wording).

Matching ignores case and lets the words of a term be inflected: a word of five letters or more
matches any word that starts with its stem (the language's snowball stemmer) and adds at most a
few letters, so “sundhedskort” finds “sundhedskortet” and “jobcenter” “jobcentret”. Shorter
words (“SU”) match only as whole words.

A :class:`Glossary` is built once per (source, target) language pair and process, and rebuilt
after any change to the terminology (``changed()`` bumps a version kept in the cache).
"""

import re
import uuid
from dataclasses import dataclass
from functools import cache as memoise

import snowballstemmer
from django.conf import settings
from django.core.cache import cache
from django.utils.html import escape
from django.utils.safestring import mark_safe

from welcome.languages import registry
from welcome.translation.checks import GlossaryTerm

VERSION_KEY = "welcome:terminology:version"
INFLECTABLE_LENGTH = 5
_built = {}


@dataclass(frozen=True)
class Hit:
    start: int
    end: int
    text: str
    term: str
    translation: str
    note: str
    do_not_translate: bool = False
    discouraged: bool = False

    def as_dict(self):
        return {
            "start": self.start,
            "end": self.end,
            "text": self.text,
            "term": self.term,
            "translation": self.translation,
            "note": self.note,
            "do_not_translate": self.do_not_translate,
            "discouraged": self.discouraged,
        }


@memoise
def _stemmer(code):
    algorithm = registry.get(code).stemmer if registry.is_supported(code) else None
    return snowballstemmer.stemmer(algorithm) if algorithm else None


def _word_pattern(word, stemmer):
    if len(word) >= INFLECTABLE_LENGTH and stemmer is not None:
        stem = stemmer.stemWord(word.casefold())
        if word.casefold().startswith(stem):
            extra = len(word) - len(stem) + 4
            return re.escape(word[: len(stem)]) + rf"\w{{0,{extra}}}"
    return re.escape(word)


def term_pattern(term, language_code, *, bounded=True):
    """A regular expression (source) that finds ``term`` and its inflected forms: each word of
    five letters or more may be inflected (“etnisk minoritet” finds “etniske minoriteter”)."""
    stemmer = _stemmer(language_code)
    pieces = []
    for piece in re.split(r"(\w+)", term.strip()):
        if not piece:
            continue
        if re.fullmatch(r"\w+", piece):
            pieces.append(_word_pattern(piece, stemmer))
        else:
            pieces.append(r"\s+" if piece.isspace() else re.escape(piece))
    core = "".join(pieces)
    return rf"(?<!\w){core}(?!\w)" if bounded else core


class Glossary:
    """The terminology for translating from ``source_code`` into ``target_code``."""

    def __init__(self, source_code, target_code, concepts, discouraged):
        self.source_code, self.target_code = source_code, target_code
        self.entries = []
        for concept in concepts:
            term = concept.term_in(source_code)
            if term:
                self.entries.append(
                    (
                        term,
                        Hit(
                            0,
                            0,
                            "",
                            term,
                            concept.term_in(target_code),
                            concept.note_in(target_code),
                            concept.do_not_translate,
                        ),
                    )
                )
        for row in discouraged:
            if row.language == source_code:
                self.entries.append(
                    (row.term, Hit(0, 0, "", row.term, row.preferred, row.reason, False, True))
                )
        # Longer terms first, so “egen læge” wins over a shorter overlapping term.
        self.entries.sort(key=lambda entry: -len(entry[0]))
        # One pattern for every term: a single scan per text. At each position the alternatives
        # are tried longest term first, and matches never overlap.
        self.pattern = (
            re.compile(
                r"(?<!\w)(?:"
                + "|".join(
                    f"(?P<t{index}>{term_pattern(term, source_code, bounded=False)})"
                    for index, (term, _hit) in enumerate(self.entries)
                )
                + r")(?!\w)",
                re.IGNORECASE,
            )
            if self.entries
            else None
        )
        self._found = {}

    def find(self, text):
        """Every term in ``text``, in order, without overlaps (longest term first)."""
        if self.pattern is None:
            return []
        found = self._found.get(text)
        if found is None:
            found = [self._hit(match) for match in self.pattern.finditer(text)]
            if len(self._found) > 5000:
                self._found.clear()
            self._found[text] = found
        return found

    def _hit(self, match):
        template = self.entries[int(match.lastgroup[1:])][1]
        return Hit(
            match.start(),
            match.end(),
            match.group(0),
            template.term,
            template.translation,
            template.note,
            template.do_not_translate,
            template.discouraged,
        )

    def terms(self, text):
        """The approved terms of ``text`` as the quality checks take them (one per concept)."""
        found = {}
        for hit in self.find(text):
            if not hit.discouraged and hit.translation:
                found.setdefault(
                    hit.term, GlossaryTerm(hit.term, hit.translation, hit.do_not_translate)
                )
        return list(found.values())

    def highlight(self, text):
        """``text`` as escaped HTML with every term in a ``<mark>`` that carries the approved
        translation (or the preferred wording, for a discouraged term) as its title."""
        parts, position = [], 0
        for hit in self.find(text):
            parts.append(escape(text[position : hit.start]))
            css = "term term--discouraged" if hit.discouraged else "term"
            if hit.do_not_translate:
                css += " term--keep"
            parts.append(
                f'<mark class="{css}" title="{escape(hit.translation)}">{escape(hit.text)}</mark>'
            )
            position = hit.end
        parts.append(escape(text[position:]))
        return mark_safe("".join(parts))  # every part escaped above


def _version():
    """A token for the terminology's current state, shared by every process through the cache.
    A fresh random token when the cache has none (first use, or a cache that was emptied), so a
    process never takes a glossary it built before the reset for current."""
    version = cache.get(VERSION_KEY)
    if version is None:
        cache.add(VERSION_KEY, uuid.uuid4().hex, None)
        version = cache.get(VERSION_KEY)
    return version


def changed():
    cache.set(VERSION_KEY, uuid.uuid4().hex, None)
    _built.clear()


def for_language(target_code, source_code=None):
    """The :class:`Glossary` from the source language into ``target_code`` (cached)."""
    from .models import Concept, DiscouragedTerm

    source_code = source_code or settings.WELCOME_SOURCE_LANGUAGE
    key = (source_code, target_code, _version())
    glossary = _built.get(key)
    if glossary is None:
        if len(_built) > 64:
            _built.clear()
        glossary = Glossary(
            source_code,
            target_code,
            Concept.objects.all(),
            DiscouragedTerm.objects.filter(language=source_code),
        )
        _built[key] = glossary
    return glossary
