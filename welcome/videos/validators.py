"""Upload checks for videos and subtitle tracks: by content and size, with clear messages. They
run before anything is written to storage, so a refused upload leaves nothing behind."""

import posixpath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.template.defaultfilters import filesizeformat
from django.utils.translation import gettext as _

from . import containers, webvtt


def _is_new_upload(file):
    """A file just uploaded (not yet in storage); stored files were checked when uploaded."""
    return file and not getattr(file, "_committed", True)


def validate_video_file(file):
    if not _is_new_upload(file):
        return
    limit = settings.WELCOME_VIDEO_MAX_UPLOAD_SIZE
    if file.size > limit:
        raise ValidationError(
            _("This video is %(size)s; videos may be at most %(max)s.")
            % {"size": filesizeformat(file.size), "max": filesizeformat(limit)},
            code="too_large",
        )
    kind = containers.sniff(containers.read_head(file))
    if kind is None:
        raise ValidationError(
            _(
                "This file is not an MP4 or WebM video (its content was checked, not its name). "
                "Export the video as MP4 (H.264) or WebM and upload it again."
            ),
            code="not_a_video",
        )
    extension = posixpath.splitext(file.name)[1].lower()
    if extension not in containers.EXTENSIONS[kind]:
        raise ValidationError(
            _(
                "The file's content is %(kind)s video but its name ends in “%(extension)s”. "
                "Give it the ending %(expected)s, or upload the file you meant."
            )
            % {
                "kind": containers.LABELS[kind],
                "extension": extension or _("(no ending)"),
                "expected": containers.EXTENSIONS[kind][0],
            },
            code="disguised",
        )


def read_subtitles(file):
    """The cues of an uploaded WebVTT file; ``ValidationError`` naming each problem's line."""
    if posixpath.splitext(file.name)[1].lower() != ".vtt":
        raise ValidationError(
            _("Subtitle files must be WebVTT files ending in .vtt."), code="extension"
        )
    limit = settings.WELCOME_SUBTITLE_MAX_UPLOAD_SIZE
    if file.size > limit:  # refused before the file is read into memory
        raise ValidationError(
            _("This subtitle file is %(size)s; subtitle files may be at most %(max)s.")
            % {"size": filesizeformat(file.size), "max": filesizeformat(limit)},
            code="too_large",
        )
    file.seek(0)
    data = file.read()
    file.seek(0)
    try:
        return webvtt.parse(data, limit, settings.WELCOME_SUBTITLE_MAX_CUES)
    except webvtt.WebVTTError as error:
        raise ValidationError(
            [ValidationError(str(problem), code="webvtt") for problem in error.problems]
        ) from error


def validate_subtitle_file(file):
    if _is_new_upload(file):
        read_subtitles(file)
