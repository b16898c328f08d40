import posixpath
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.fields import StreamField
from wagtail.models import PageManager
from wagtail.query import PageQuerySet

from welcome.core.models import BasePage
from welcome.core.translatable import SynchronisedField, TranslatableField
from welcome.languages import registry

from ..blocks import VideoBodyBlock
from ..transcripts import clock, paragraphs
from .media import Video

STREAM_TYPES = {".m3u8": "application/vnd.apple.mpegurl", ".mp4": "video/mp4"}


def validate_stream_url(url):
    parts = urlsplit(url)
    if parts.scheme != "https":
        raise ValidationError(_("Stream addresses must start with https://."), code="scheme")
    if posixpath.splitext(parts.path)[1].lower() not in STREAM_TYPES:
        raise ValidationError(
            _("Give the address of an HLS playlist (.m3u8) or an MP4 file (.mp4)."),
            code="type",
        )


@dataclass(frozen=True)
class VideoSource:
    url: str
    content_type: str


@dataclass(frozen=True)
class Track:
    url: str
    language: object  # a welcome.languages Language
    is_default: bool


@dataclass(frozen=True)
class Transcript:
    language: object
    paragraphs: list


class VideoPageQuerySet(PageQuerySet):
    def for_listing(self):
        return self.live().select_related("poster")


class VideoIndexPage(BasePage):
    """The list of welcome films in one language, under the home page."""

    intro = models.TextField(blank=True, help_text=_("A sentence or two above the list of films."))

    translation_fields = (*BasePage.translation_fields, TranslatableField("intro"))
    search_text_fields = ("intro",)
    summary_field = "intro"

    template = "pages/video_index_page.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["videos.VideoPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("film list")
        verbose_name_plural = _("film lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["videos"] = VideoPage.objects.child_of(self).for_listing().order_by("path")
        return context


class VideoPage(BasePage):
    """A film for new residents with subtitles (and transcripts) in many languages. The video,
    poster, subtitle tracks and dubbed versions are the same in every language version."""

    intro = models.TextField(help_text=_("One or two sentences: what the film is about."))
    video = models.ForeignKey(
        Video,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("An uploaded video file, or …"),
    )
    stream_url = models.URLField(
        blank=True,
        validators=[validate_stream_url],
        help_text=_("… the https address of a stream: an HLS playlist (.m3u8) or an MP4 file."),
    )
    poster = models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Picture shown before the film starts."),
    )
    duration = models.DurationField(
        null=True, blank=True, help_text=_("Length of the film, e.g. 00:03:30.")
    )
    body = StreamField(
        VideoBodyBlock(), blank=True, help_text=_("Text under the film: what to do next.")
    )

    translation_fields = (
        *BasePage.translation_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronisedField("video"),
        SynchronisedField("stream_url"),
        SynchronisedField("poster"),
        SynchronisedField("duration"),
        SynchronisedField("subtitle_tracks"),
        SynchronisedField("dubbed_videos"),
    )
    search_text_fields = ("intro", "body")
    summary_field = "intro"

    objects = PageManager.from_queryset(VideoPageQuerySet)()

    template = "pages/video_page.html"
    parent_page_types = ["videos.VideoIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        MultiFieldPanel(
            [
                FieldPanel("video"),
                FieldPanel("stream_url"),
                FieldPanel("poster"),
                FieldPanel("duration"),
            ],
            heading=_("Film"),
        ),
        InlinePanel("subtitle_tracks", heading=_("Subtitles"), label=_("Subtitle track")),
        InlinePanel("dubbed_videos", heading=_("Dubbed versions"), label=_("Dubbed video")),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("video page")
        verbose_name_plural = _("video pages")

    def clean(self):
        super().clean()
        if self.video_id and self.stream_url:
            raise ValidationError(
                {"stream_url": _("Choose an uploaded video or a stream address, not both.")}
            )
        if not self.video_id and not self.stream_url:
            raise ValidationError(
                {"video": _("Choose a video: upload one, or give a stream address.")}
            )

    @cached_property
    def _tracks_by_code(self):
        return {track.language: track for track in self.subtitle_tracks.all()}

    @cached_property
    def _dubs_by_code(self):
        return {dub.language: dub for dub in self.dubbed_videos.select_related("video")}

    def duration_display(self):
        return clock(int(self.duration.total_seconds() * 1000)) if self.duration else ""

    def preferred_codes(self):
        """The reader's language, then this page's language."""
        return list(dict.fromkeys([registry.current().code, self.locale.language_code]))

    def sources(self):
        """What the ``<video>`` plays: a dubbed version in the reader's language where there is
        one, else the uploaded video, else the stream."""
        dubs = self._dubs_by_code
        for code in self.preferred_codes():
            if code in dubs:
                video = dubs[code].video
                return [VideoSource(video.file.url, video.content_type)]
        if self.video is not None:
            return [VideoSource(self.video.file.url, self.video.content_type)]
        if self.stream_url:
            extension = posixpath.splitext(urlsplit(self.stream_url).path)[1].lower()
            return [VideoSource(self.stream_url, STREAM_TYPES.get(extension, ""))]
        return []

    def tracks(self, code=None):
        """``<track>`` data in the configured language order; the default is ``code`` (the
        reader's choice on the page) if there is such a track, else the reader's language, else
        the page's language."""
        by_code = self._tracks_by_code
        candidates = [code, *self.preferred_codes()] if code else self.preferred_codes()
        default = next((candidate for candidate in candidates if candidate in by_code), None)
        return [
            Track(
                url=by_code[code].file.url, language=registry.get(code), is_default=code == default
            )
            for code in registry.supported_codes()
            if code in by_code
        ]

    def transcript(self, code=None):
        """The transcript from the track in ``code``, else from the default track."""
        tracks = self._tracks_by_code
        candidates = [code, *self.preferred_codes()] if code else self.preferred_codes()
        chosen = next((candidate for candidate in candidates if candidate in tracks), None)
        if chosen is None:
            return None
        return Transcript(language=registry.get(chosen), paragraphs=paragraphs(tracks[chosen].cues))

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sources"] = self.sources()
        # The subtitle choice under the player (links, usable without a pointer) sets both the
        # default track and the transcript shown.
        chosen = request.GET.get("transcript")
        context["tracks"] = self.tracks(chosen)
        context["transcript"] = self.transcript(chosen)
        return context
