"""Thin receivers: each does one thing and delegates."""

from django.apps import apps
from django.db.models.signals import post_migrate
from django.dispatch import receiver
from wagtail.signals import published

from welcome.languages.signals import language_activated

from . import registry, services, setup, sources


@receiver(published)
def content_published(sender, instance, **kwargs):
    """Publishing the Danish source re-extracts its segments (outdating changed translations);
    publishing a translation (directly or when its workflow is approved) ends its requests once
    every segment is approved."""
    if not registry.is_translatable(type(instance)):
        return
    if registry.is_source(instance):
        minor = sources.is_minor_edit() or sources.take_minor_edit_for(instance)
        sources.sync_source(instance, minor=minor)
    else:
        services.close_requests_if_done(instance)


@receiver(language_activated)
def prepare_language_roles(language, **kwargs):
    setup.ensure_language_roles(language)


def roles_after_migrate(app_config, using="default", **kwargs):
    """Groups and workflows for the languages already active, once ``migrate`` is done (after
    the last app's signal, when every app's permissions exist)."""
    if app_config is list(apps.get_app_configs())[-1]:
        setup.ensure_all()


post_migrate.connect(roles_after_migrate, dispatch_uid="translation-roles-after-migrate")
