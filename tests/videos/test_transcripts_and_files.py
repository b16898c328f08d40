"""Transcripts from cues, and video files recognised by their content."""

import struct

import pytest

from welcome.videos import containers
from welcome.videos.sample import make_mp4
from welcome.videos.transcripts import Paragraph, cue_text, paragraphs

WEBM_HEAD = bytes.fromhex("1a45dfa39f4286 81 0142f7 81 014282 84") + b"webm"
MATROSKA_HEAD = bytes.fromhex("1a45dfa3a34282 88") + b"matroska"


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("<v Fortæller>Velkommen!", ("Fortæller", "Velkommen!")),
        ("<i>Husk</i> at <b.loud>booke</b>", ("", "Husk at booke")),
        ("<c.yellow>Gul</c>\nkort <00:00:02.000>nu", ("", "Gul kort nu")),
        ("Tom &amp; Jerry &lt;3", ("", "Tom & Jerry <3")),
        ("<script>alert(1)</script>", ("", "<script>alert(1)</script>")),
    ],
)
def test_cue_text_drops_webvtt_markup_and_keeps_the_rest_as_text(raw, expected):
    assert cue_text(raw) == expected


def test_paragraphs_break_at_a_new_speaker_and_after_a_pause():
    cues = [
        {"start": 500, "end": 3000, "text": "<v Ali>Hej."},
        {"start": 3200, "end": 5000, "text": "Velkommen."},
        {"start": 5200, "end": 6000, "text": "<v Sara>Tak."},
        {"start": 65_000, "end": 66_000, "text": "<v Sara>Senere."},
        {"start": 66_100, "end": 67_000, "text": "  "},
    ]

    assert paragraphs(cues) == [
        Paragraph(start="0:00", speaker="Ali", text="Hej. Velkommen."),
        Paragraph(start="0:05", speaker="Sara", text="Tak."),
        Paragraph(start="1:05", speaker="Sara", text="Senere."),
    ]


def test_the_generated_sample_is_an_mp4_of_the_asked_length():
    data = make_mp4(seconds=5, fps=2)

    assert containers.sniff(data[:64]) == containers.MP4
    mvhd = data.index(b"mvhd")
    timescale, duration = struct.unpack(">II", data[mvhd + 16 : mvhd + 24])
    assert duration / timescale == 5
    assert b"avcC" in data and b"mdat" in data


@pytest.mark.parametrize(
    ("head", "kind"),
    [
        (make_mp4(seconds=1)[:64], containers.MP4),
        (WEBM_HEAD, containers.WEBM),
        (MATROSKA_HEAD, None),
        (b"\x00\x00\x00\x14ftypqt  \x00\x00\x00\x00qt  ", None),
        (b"<html><body>not a video</body></html>", None),
        (b"\x1a\x45\xdf\xa3\xff", None),
        (b"", None),
    ],
)
def test_video_files_are_recognised_by_content(head, kind):
    assert containers.sniff(head) == kind
