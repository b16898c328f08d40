from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    """Good-practice library and communication-challenge register."""

    name = "welcome.practices"
    label = "practices"
    verbose_name = _("Good practice")

    def ready(self):
        from . import signals  # noqa: F401
