from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LanguagesConfig(AppConfig):
    """The language registry: supported languages (settings) and active ones (Locale rows)."""

    name = "welcome.languages"
    label = "languages"
    verbose_name = _("Languages")

    def ready(self):
        from . import registry, signals  # noqa: F401

        registry.teach_django_unknown_languages()
