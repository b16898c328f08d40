from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class LeafletsConfig(AppConfig):
    """Welcome leaflets: web, print and PDF."""

    name = "welcome.leaflets"
    label = "leaflets"
    verbose_name = _("Leaflets")
