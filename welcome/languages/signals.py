from django.db.models.signals import post_delete, post_save
from django.dispatch import Signal, receiver
from wagtail.models import Locale

from . import registry

# Sent with ``language`` (a Language) when a language becomes active, and again (harmlessly) when
# activation is repeated. Receivers must be idempotent.
language_activated = Signal()


@receiver(post_save, sender=Locale)
@receiver(post_delete, sender=Locale)
def forget_active_languages(**kwargs):
    registry.forget_active()


@receiver(post_save, sender=Locale)
def prepare_new_language(instance, created, raw=False, **kwargs):
    """A Locale created anywhere (command, the admin's locale screen) gets its home page."""
    if created and not raw and registry.is_supported(instance.language_code):
        from .services import prepare_language

        prepare_language(instance)
