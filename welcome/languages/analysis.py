"""Text analysis for search, per language: the same words for the index and for the query.

Text is normalised (NFKC, case folded, combining marks such as Arabic harakat removed) and stemmed
with the language's snowball stemmer where one exists (Danish, English, Arabic, Turkish, ...). The
search index receives the analysed words, so the database needs no language configuration and
PostgreSQL and SQLite find the same pages.
"""

import re
import unicodedata
from functools import cache

import snowballstemmer

from . import registry

WORD = re.compile(r"\w+", re.UNICODE)
MAX_WORD_LENGTH = 40
MAX_QUERY_CHARACTERS = 200
MAX_QUERY_WORDS = 12


@cache
def _stemmer(algorithm):
    return snowballstemmer.stemmer(algorithm)


def _strip_marks(word):
    return "".join(
        char for char in unicodedata.normalize("NFD", word) if unicodedata.category(char) != "Mn"
    )


def words(text, language_code):
    """The analysed words of ``text`` in ``language_code``, in order."""
    normalised = unicodedata.normalize("NFKC", text).casefold()
    tokens = [token for token in WORD.findall(normalised) if len(token) <= MAX_WORD_LENGTH]
    algorithm = (
        registry.get(language_code).stemmer if registry.is_supported(language_code) else None
    )
    if algorithm:
        tokens = _stemmer(algorithm).stemWords(tokens)
    return [_strip_marks(token) for token in tokens if token.strip("_")]


def analyse(text, language_code):
    """``text`` as one string of analysed words, for the index."""
    return " ".join(words(text, language_code))


def analyse_query(query, language_code):
    """A reader's query as analysed words: bounded in length and number, duplicates removed."""
    analysed = words(query[:MAX_QUERY_CHARACTERS], language_code)
    return list(dict.fromkeys(analysed))[:MAX_QUERY_WORDS]
