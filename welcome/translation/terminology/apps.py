from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TerminologyConfig(AppConfig):
    """Reference data for translators and writers, translated with django-modeltranslation."""

    name = "welcome.translation.terminology"
    label = "terminology"
    verbose_name = _("Terminology")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self):
        from . import signals  # noqa: F401
