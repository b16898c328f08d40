"""A readable transcript from a subtitle track: cue text without WebVTT markup, joined into
paragraphs (a new one when the speaker changes or after a pause). The text stays plain text;
templates escape it, so markup that is not WebVTT's own is shown, never run."""

import html
import re
from dataclasses import dataclass

# WebVTT's own cue markup: class, italic, bold, underline, ruby, voice, language spans and
# timestamp tags. Anything else is left in the text (and escaped when shown).
VTT_TAG = re.compile(
    r"<(/?)(c|i|b|u|ruby|rt|v|lang)((?:\.[^\s>]*)?)(?:[ \t]+([^>]*))?>"
    r"|<(?:\d{2,}:)?\d{2}:\d{2}\.\d{3}>"
)
PAUSE_MS = 2000


@dataclass(frozen=True)
class Paragraph:
    start: str  # "1:05"
    speaker: str
    text: str


def clock(milliseconds):
    """``m:ss`` (or ``h:mm:ss``) for a time in milliseconds."""
    seconds = milliseconds // 1000
    hours, rest = divmod(seconds, 3600)
    minutes, seconds = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{seconds:02d}" if hours else f"{minutes}:{seconds:02d}"


def cue_text(raw):
    """``(speaker, text)`` of a cue's payload: WebVTT tags removed, entities decoded."""
    speaker = ""

    def replace(match):
        nonlocal speaker
        closing, name, _classes, annotation = match.group(1, 2, 3, 4)
        if name == "v" and not closing and annotation:
            speaker = annotation.strip()
        return ""

    text = VTT_TAG.sub(replace, raw)
    return html.unescape(speaker), " ".join(html.unescape(text).split())


def paragraphs(cues):
    """Paragraphs of a track's cues (``{"start", "end", "text"}`` dicts, in order)."""
    result = []
    current = None
    previous_end = None
    for cue in cues:
        speaker, text = cue_text(cue["text"])
        if not text:
            continue
        new_speaker = bool(speaker) and (current is None or speaker != current["speaker"])
        pause = previous_end is not None and cue["start"] - previous_end >= PAUSE_MS
        if current is None or new_speaker or pause:
            current = {"start": cue["start"], "speaker": speaker, "texts": []}
            result.append(current)
        current["texts"].append(text)
        previous_end = cue["end"]
    return [
        Paragraph(start=clock(item["start"]), speaker=item["speaker"], text=" ".join(item["texts"]))
        for item in result
    ]
