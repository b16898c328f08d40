from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PracticesConfig(AppConfig):
    """Good-practice library and communication-challenge register."""

    name = "welcome.practices"
    label = "practices"
    verbose_name = _("Good practice")

    def ready(self):
        from welcome.core.pagecache import invalidate_on_save_and_delete

        from . import models, signals  # noqa: F401

        # Cached public pages show adoptions and taxonomy labels: a change clears them.
        for model in (
            models.Adoption,
            models.Department,
            models.FocusArea,
            models.Goal,
            models.Channel,
            models.TargetGroup,
            models.UsedLanguage,
        ):
            invalidate_on_save_and_delete(model)
