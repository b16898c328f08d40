from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class TranslationConfig(AppConfig):
    """The translation engine: segments, units, queue, editor, PO, memory, terminology, checks."""

    name = "welcome.translation"
    label = "translation"
    verbose_name = _("Translation")

    def ready(self):
        from . import devusers, signals  # noqa: F401
