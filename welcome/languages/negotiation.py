"""Which language a reader wants: the URL prefix, else a remembered choice, else Accept-Language."""

from django.conf import settings
from django.utils.translation.trans_real import parse_accept_lang_header

from . import registry

MAX_ACCEPT_LANGUAGE_LENGTH = 500


def language_from_path(path):
    """The supported language code that prefixes ``path`` (``/ar/…`` → ``"ar"``), or ``None``."""
    prefix = path.lstrip("/").split("/", 1)[0]
    return prefix if registry.is_supported(prefix) else None


def language_from_cookie(request):
    """The remembered choice, if it names an active language; garbage is ignored."""
    code = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    return code if code and registry.is_active(code) else None


def languages_from_header(header):
    """Active language codes the ``Accept-Language`` header asks for, best first.

    ``ar-EG`` matches ``ar``; a malformed or over-long header asks for nothing.
    """
    if not header or len(header) > MAX_ACCEPT_LANGUAGE_LENGTH:
        return []
    active = registry.active_codes()
    wanted = []
    for tag, _quality in parse_accept_lang_header(header):
        if tag == "*":
            continue
        base = tag.split("-", 1)[0].lower()
        if base in active and base not in wanted:
            wanted.append(base)
    return wanted


def language_from_header(request):
    wanted = languages_from_header(request.headers.get("Accept-Language", ""))
    return wanted[0] if wanted else None


def preferred_language(request):
    """The language to send a reader to when the URL does not say: cookie, header, default."""
    return language_from_cookie(request) or language_from_header(request) or settings.LANGUAGE_CODE


def remember(response, code):
    """Set the language cookie on ``response`` (the reader chose ``code``)."""
    response.set_cookie(
        settings.LANGUAGE_COOKIE_NAME,
        code,
        max_age=settings.LANGUAGE_COOKIE_AGE,
        samesite=settings.LANGUAGE_COOKIE_SAMESITE,
        secure=getattr(settings, "LANGUAGE_COOKIE_SECURE", False),
        httponly=True,
    )
    return response
