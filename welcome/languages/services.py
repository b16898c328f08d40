"""Activating a supported language: a Locale row, a home page in every site, and a signal that
lets other apps prepare for it (the translation engine creates its groups and workflow)."""

from django.db import transaction
from django.utils.translation import gettext as _
from wagtail.models import Locale, Site

from . import registry
from .signals import language_activated


class LanguageNotSupported(Exception):
    pass


@transaction.atomic
def activate_language(code):
    """Make ``code`` an active language; return ``(locale, created)``. Idempotent."""
    if not registry.is_supported(code):
        raise LanguageNotSupported(
            _("“%(code)s” is not a supported language. Supported: %(supported)s.")
            % {"code": code, "supported": ", ".join(registry.supported_codes())}
        )
    locale, created = Locale.objects.get_or_create(language_code=code)
    if not created:
        prepare_language(locale)
    return locale, created


def prepare_language(locale):
    """Create what an active language needs: a (draft) home page translation for every site whose
    root page has none, then tell other apps. Safe to run again."""
    for site in Site.objects.select_related("root_page"):
        root = site.root_page
        if root.depth > 1 and not root.get_translations().filter(locale=locale).exists():
            root.copy_for_translation(locale)
    language_activated.send(sender=Locale, language=registry.get(locale.language_code))
