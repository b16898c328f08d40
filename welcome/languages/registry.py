"""The language registry: one place that answers everything about the site's languages.

*Supported* languages are configuration (``WELCOME_LANGUAGES``); *active* languages are data
(Wagtail ``Locale`` rows) that an administrator can extend without a deploy. The active set is
cached, and the cache is cleared whenever a Locale is saved or deleted.
"""

from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.conf.locale import LANG_INFO
from django.core.cache import cache
from django.db import DatabaseError
from django.utils import translation

from .info import Language, describe

ACTIVE_CACHE_KEY = "welcome:languages:active"
ACTIVE_CACHE_SECONDS = 60


def get(code):
    """The :class:`Language` for a supported code; ``LookupError`` for anything else."""
    if code not in settings.WELCOME_LANGUAGES:
        raise LookupError(f"Language {code!r} is not supported (WELCOME_LANGUAGES).")
    return describe(code, settings.WELCOME_TYPEFACES.get(code))


def supported():
    return [get(code) for code in settings.WELCOME_LANGUAGES]


def supported_codes():
    return list(settings.WELCOME_LANGUAGES)


def is_supported(code):
    return code in settings.WELCOME_LANGUAGES


def source():
    return get(settings.WELCOME_SOURCE_LANGUAGE)


# Within a request (``once_per_request``): the active languages as first read, since a page view
# asks for them several times and each ask would be a round trip to the shared cache (Redis).
_request_memo = ContextVar("welcome_active_languages", default=None)


@contextmanager
def once_per_request():
    token = _request_memo.set({})
    try:
        yield
    finally:
        _request_memo.reset(token)


def active_codes():
    """Codes of the active languages, in the configured order (source language first)."""
    memo = _request_memo.get()
    if memo and "codes" in memo:
        return list(memo["codes"])
    codes = cache.get(ACTIVE_CACHE_KEY)
    if codes is None:
        from wagtail.models import Locale

        try:
            rows = set(Locale.objects.values_list("language_code", flat=True))
        except DatabaseError:
            # The database is unreachable: keep negotiating with the configured defaults, so
            # cached pages and the 503 page still come in the reader's language.
            return list(settings.WELCOME_DEFAULT_ACTIVE_LANGUAGES)
        codes = [code for code in settings.WELCOME_LANGUAGES if code in rows]
        cache.set(ACTIVE_CACHE_KEY, codes, ACTIVE_CACHE_SECONDS)
    if memo is not None:
        memo["codes"] = codes
    return list(codes)


def active():
    return [get(code) for code in active_codes()]


def is_active(code):
    return code in active_codes()


def forget_active():
    cache.delete(ACTIVE_CACHE_KEY)
    memo = _request_memo.get()
    if memo:  # a language activated during this request counts from now on
        memo.clear()


def current():
    """The language of the running request or command (Django's active language)."""
    code = translation.get_language() or settings.LANGUAGE_CODE
    if not is_supported(code):
        code = settings.LANGUAGE_CODE
    return get(code)


def fallback_chain(code):
    """Languages to try, in order, when content is missing in ``code``."""
    chain = [code, *settings.WELCOME_FALLBACK_LANGUAGES]
    return list(dict.fromkeys(chain))


def teach_django_unknown_languages():
    """Add a ``LANG_INFO`` entry for each supported language Django does not know (Somali,
    Tigrinya), so ``get_language_info`` and the ``{% get_language_info %}`` tag work for them."""
    for language in supported():
        LANG_INFO.setdefault(
            language.code,
            {
                "bidi": language.is_rtl,
                "code": language.code,
                "name": language.english_name,
                "name_local": language.native_name,
            },
        )


__all__ = [
    "Language",
    "active",
    "active_codes",
    "current",
    "fallback_chain",
    "forget_active",
    "get",
    "is_active",
    "is_supported",
    "source",
    "supported",
    "supported_codes",
]
