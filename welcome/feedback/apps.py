from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """Reader feedback and language-demand statistics."""

    name = "welcome.feedback"
    label = "feedback"
    verbose_name = _("Reader feedback")

    def ready(self):
        from welcome.core.signals import page_served

        from . import demand

        page_served.connect(demand.count_view, dispatch_uid="feedback-count-view")
