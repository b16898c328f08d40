"""Video pages and their media: uploaded videos, subtitle tracks and dubbed versions.

Submodules: ``media`` (the uploaded files, no page imports) and ``pages`` (the page types, which
use them). Dependencies point from ``pages`` to ``media`` only.
"""

from .media import DubbedVideo, SubtitleTrack, Video, language_choices
from .pages import VideoIndexPage, VideoPage, VideoSource

__all__ = [
    "DubbedVideo",
    "SubtitleTrack",
    "Video",
    "VideoIndexPage",
    "VideoPage",
    "VideoSource",
    "language_choices",
]
