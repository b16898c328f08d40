from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class VideosConfig(AppConfig):
    """Video pages with subtitle tracks and transcripts."""

    name = "welcome.videos"
    label = "videos"
    verbose_name = _("Videos")
