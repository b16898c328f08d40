from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PagesConfig(AppConfig):
    """Home and topic pages of the public welcome site."""

    name = "welcome.pages"
    label = "pages"
    verbose_name = _("Pages")
