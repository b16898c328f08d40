from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel
from wagtail.models import Orderable

from welcome.languages import registry

from .. import containers
from ..validators import read_subtitles, validate_video_file


def language_choices():
    """Every supported language under its own name (a subtitle may precede the language's pages)."""
    return [(language.code, language.native_name) for language in registry.supported()]


class Video(models.Model):
    """An uploaded video file (MP4 or WebM), chosen on video pages and as dubbed versions."""

    title = models.CharField(
        max_length=200, help_text=_("For editors, e.g. “Welcome film 2025, Danish sound”.")
    )
    file = models.FileField(
        upload_to="videos/",
        validators=[validate_video_file],
        help_text=_("An MP4 (H.264) or WebM file. Its content is checked, not just its name."),
    )
    content_type = models.CharField(max_length=40, editable=False, blank=True)
    file_size = models.PositiveBigIntegerField(null=True, editable=False)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("video file")
        verbose_name_plural = _("video files")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title

    def save(self, *args, **kwargs):
        if self.file and not self.file._committed:
            self.content_type = containers.sniff(containers.read_head(self.file)) or ""
            self.file_size = self.file.size
        super().save(*args, **kwargs)


class SubtitleTrack(Orderable):
    """A WebVTT subtitle track in one language. The cues are kept in the database too, so the
    transcript is rendered without reading the file."""

    page = ParentalKey("videos.VideoPage", on_delete=models.CASCADE, related_name="subtitle_tracks")
    language = models.CharField(
        max_length=10, choices=language_choices, help_text=_("The language of the subtitles.")
    )
    file = models.FileField(
        upload_to="subtitles/",
        help_text=_("A WebVTT file (.vtt, UTF-8). Each problem is reported with its line."),
    )
    cues = models.JSONField(default=list, editable=False)

    panels = [FieldPanel("language"), FieldPanel("file")]

    class Meta(Orderable.Meta):
        verbose_name = _("subtitle track")
        verbose_name_plural = _("subtitle tracks")
        unique_together = [("page", "language")]

    def __str__(self):
        return self.language

    def clean(self):
        super().clean()
        if self.file and not self.file._committed:
            try:
                self.cues = [cue.as_json() for cue in read_subtitles(self.file)]
            except ValidationError as error:
                raise ValidationError({"file": error.error_list}) from error

    def save(self, *args, **kwargs):
        if self.file and not self.cues:
            self.cues = [cue.as_json() for cue in read_subtitles(self.file)]
        super().save(*args, **kwargs)

    @property
    def language_info(self):
        return registry.get(self.language)


class DubbedVideo(Orderable):
    """A version of the video with speech in another language; it replaces the video there."""

    page = ParentalKey("videos.VideoPage", on_delete=models.CASCADE, related_name="dubbed_videos")
    language = models.CharField(
        max_length=10, choices=language_choices, help_text=_("The language spoken in this video.")
    )
    video = models.ForeignKey(
        Video,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("The dubbed video file."),
    )

    panels = [FieldPanel("language"), FieldPanel("video")]

    class Meta(Orderable.Meta):
        verbose_name = _("dubbed video")
        verbose_name_plural = _("dubbed videos")
        unique_together = [("page", "language")]

    def __str__(self):
        return self.language
