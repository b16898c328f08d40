"""Thin receivers: each does one thing and delegates to ``services`` or ``setup``."""

from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.signals import page_published, page_unpublished

from . import services, setup
from .models import Adoption, Department, PracticeIndexPage, PracticePage


@receiver(page_published, sender=PracticePage)
def keep_language_versions_in_step(instance, **kwargs):
    """Synchronised facts (visibility, status, taxonomy, contact) follow the source language."""
    source = services.source_version(instance)
    if source is not None and source.pk == instance.pk:
        services.push_to_translations(instance)
    else:
        services.pull_from_source(instance)
    services.forget_if_hidden(instance)


@receiver(page_unpublished, sender=PracticePage)
def forget_unpublished_practice(instance, **kwargs):
    services.forget_if_hidden(instance)


@receiver(post_save, sender=PracticeIndexPage)
def prepare_new_library(instance, created, raw=False, **kwargs):
    """A new library page (any language) gets its workflow and permissions."""
    if created and not raw:
        setup.ensure_library_setup(libraries=[instance])


@receiver(post_save, sender=Department)
def prepare_new_department(instance, created, raw=False, **kwargs):
    if created and not raw:
        setup.ensure_library_setup()


@receiver(post_delete, sender=PracticePage)
def forget_adoptions_of_deleted_practice(instance, **kwargs):
    """Adoptions name the practice in every language; they go with its last language version."""
    if not PracticePage.objects.filter(translation_key=instance.translation_key).exists():
        Adoption.objects.filter(practice_key=instance.translation_key).delete()
