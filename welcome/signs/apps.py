from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SignsConfig(AppConfig):
    """Multilingual welcome signs, QR codes and scan landing."""

    name = "welcome.signs"
    label = "signs"
    verbose_name = _("Signs")
