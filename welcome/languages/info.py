"""Facts about a language, from babel (CLDR) and snowball.

Pure Python with no Django imports, so that settings can build ``LANGUAGES`` from it. Everything
the site needs to know about a language (its own name, direction, script, plural rule, stemmer) is
answered here; templates and code never branch on a language code.
"""

from dataclasses import dataclass
from functools import cache

import snowballstemmer
from babel import Locale as BabelLocale
from babel import UnknownLocaleError
from babel.core import get_global
from babel.messages.plurals import get_plural

# Typefaces the site's CSS knows, by ISO 15924 script. A language may override it in settings
# (WELCOME_TYPEFACES): Urdu is written in Arabic script but read in the Nastaliq style.
_TYPEFACE_BY_SCRIPT = {
    "Arab": "arabic",
    "Cyrl": "cyrillic",
    "Ethi": "ethiopic",
    "Latn": "latin",
}


@dataclass(frozen=True)
class Language:
    code: str
    native_name: str
    english_name: str
    direction: str
    script: str
    typeface: str
    nplurals: int
    plural_expression: str
    stemmer: str | None

    def __str__(self):
        return self.native_name

    @property
    def is_rtl(self):
        return self.direction == "rtl"

    @property
    def plural_forms(self):
        """The value of a PO file's ``Plural-Forms`` header: the one source of plural rules."""
        return f"nplurals={self.nplurals}; plural={self.plural_expression};"


def _capitalised(name):
    return name[:1].upper() + name[1:]


@cache
def describe(code, typeface=None):
    """Return the :class:`Language` for a code such as ``"ar"``; raise ``LookupError`` if babel
    does not know it."""
    try:
        locale = BabelLocale.parse(code)
    except (UnknownLocaleError, ValueError) as error:
        raise LookupError(f"Unknown language code: {code!r}") from error
    likely = get_global("likely_subtags").get(code, "")
    parts = likely.split("_")
    script = locale.script or (parts[1] if len(parts) > 2 else "Latn")
    plural = get_plural(code)
    english_name = locale.get_display_name("en")
    stemmer = english_name.lower() if english_name.lower() in snowballstemmer.algorithms() else None
    return Language(
        code=code,
        native_name=_capitalised(locale.get_display_name(code)),
        english_name=english_name,
        direction="rtl" if locale.character_order == "right-to-left" else "ltr",
        script=script,
        typeface=typeface or _TYPEFACE_BY_SCRIPT.get(script, "latin"),
        nplurals=plural.num_plurals,
        plural_expression=plural.plural_expr,
        stemmer=stemmer,
    )


def django_languages(codes):
    """``LANGUAGES`` for Django settings: each language under its own name."""
    return [(code, describe(code).native_name) for code in codes]


@cache
def display_name(code, in_language):
    """The name of language ``code`` in language ``in_language`` (English in Arabic: الإنجليزية)."""
    return _capitalised(BabelLocale.parse(code).get_display_name(in_language))
