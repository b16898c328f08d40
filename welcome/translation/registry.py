"""Which models are translated, and how: every model that declares ``translation_fields``
(``welcome.core.translatable``) and is translatable in Wagtail's sense (one row per locale linked
by ``translation_key``). Pages and snippets alike; a new content type joins by declaring its
field policy."""

from functools import cache

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from wagtail.models import Locale, Page, TranslatableMixin

from welcome.core.translatable import synchronised_field_names, translatable_field_names


@cache
def _translatable_models():
    found = [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin)
        and getattr(model, "translation_fields", None)
        and not model._meta.abstract
    ]
    return tuple(sorted(found, key=lambda m: (not issubclass(m, Page), m._meta.label)))


def translatable_models():
    """Concrete translatable models with a field policy, pages first, in a stable order (the app
    registry does not change once loaded, so this is computed once)."""
    return list(_translatable_models())


def is_translatable(model):
    return model in _translatable_models()


def is_page_model(model):
    return issubclass(model, Page)


def translatable_fields(model):
    return translatable_field_names(model)


def synchronised_fields(model):
    return synchronised_field_names(model)


def source_locale():
    return Locale.objects.get(language_code=settings.WELCOME_SOURCE_LANGUAGE)


def is_source(obj):
    return obj.locale.language_code == settings.WELCOME_SOURCE_LANGUAGE


def specific(obj):
    return obj.specific if isinstance(obj, Page) else obj


def content_type_of(obj):
    return ContentType.objects.get_for_model(type(specific(obj)))


def source_object(content_type, translation_key):
    """The source-language object of ``translation_key``; ``DoesNotExist`` if there is none."""
    model = content_type.model_class()
    return model.objects.get(
        translation_key=translation_key, locale__language_code=settings.WELCOME_SOURCE_LANGUAGE
    )


def live_version(obj):
    """``obj`` as published: its live revision if it has one, else the row itself. A pending
    draft is never read here, so nothing built from it can leak a draft."""
    obj = specific(obj)
    revision_id = getattr(obj, "live_revision_id", None)
    if revision_id and getattr(obj, "live", True):
        return obj.live_revision.as_object()
    return obj
