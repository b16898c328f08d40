from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Reader feedback and language-demand statistics."""

    name = "welcome.feedback"
    label = "feedback"
    verbose_name = _("Reader feedback")
