"""Strict WebVTT: subtitle uploads are checked line by line and every problem names its line.

webvtt-py is too lenient for uploads (it silently drops a cue with a comma decimal separator and
accepts a cue that ends before it starts), so the file is read here: UTF-8 only, the ``WEBVTT``
signature, ``hh:mm:ss.ttt`` times with a full stop, end after start, cues in order of start time,
no ``-->`` in cue text, known cue settings, a size and a cue count limit.
"""

import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

TIMING = re.compile(r"^(\S+)[ \t]+-->[ \t]+(\S+)(?:[ \t]+(.*))?$")
TIMESTAMP = re.compile(r"^(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})$")
CUE_SETTINGS = {"vertical", "line", "position", "size", "align", "region"}
MAX_PROBLEMS = 20


@dataclass(frozen=True)
class Cue:
    start: int  # milliseconds
    end: int
    text: str
    line: int  # line number of the timing line

    def as_json(self):
        return {"start": self.start, "end": self.end, "text": self.text}


@dataclass(frozen=True)
class Problem:
    line: int | None
    message: str

    def __str__(self):
        if self.line is None:
            return self.message
        return _("Line %(line)d: %(problem)s") % {"line": self.line, "problem": self.message}


class WebVTTError(ValueError):
    def __init__(self, problems):
        super().__init__("; ".join(str(problem) for problem in problems))
        self.problems = problems


def format_time(milliseconds):
    hours, rest = divmod(milliseconds, 3_600_000)
    minutes, rest = divmod(rest, 60_000)
    seconds, millis = divmod(rest, 1000)
    return f"{hours:02d}:{minutes:02d}:{seconds:02d}.{millis:03d}"


def _decode(data):
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line = data.count(b"\n", 0, error.start) + 1
        raise WebVTTError(
            [Problem(line, _("the file is not UTF-8 text. Save it as UTF-8 and upload it again."))]
        ) from error
    return text.removeprefix("\ufeff")


def _timestamp(value, line, problems):
    match = TIMESTAMP.match(value)
    if match:
        hours, minutes, seconds, millis = match.groups()
        return ((int(hours or 0) * 60 + int(minutes)) * 60 + int(seconds)) * 1000 + int(millis)
    if re.match(r"^(?:\d{2,}:)?\d{2}:\d{2},\d{3}$", value):
        message = _(
            "the time “%(time)s” has a comma before the milliseconds; WebVTT needs a full stop "
            "(%(fixed)s)."
        ) % {"time": value, "fixed": value.replace(",", ".")}
    else:
        message = _(
            "“%(time)s” is not a WebVTT time; write hh:mm:ss.ttt or mm:ss.ttt, e.g. 00:01:02.500."
        ) % {"time": value}
    problems.append(Problem(line, message))
    return None


def _check_settings(settings, line, problems):
    for setting in (settings or "").split():
        name = setting.split(":", 1)[0]
        if ":" not in setting or name not in CUE_SETTINGS:
            problems.append(
                Problem(line, _("unknown cue setting “%(setting)s”.") % {"setting": setting})
            )


def _blocks(lines, start):
    """``(first line number, [lines])`` for each block of non-blank lines after ``start``."""
    block, first = [], None
    for index in range(start, len(lines)):
        if lines[index].strip() == "":
            if block:
                yield first, block
            block, first = [], None
        else:
            if not block:
                first = index + 1
            block.append(lines[index])
    if block:
        yield first, block


class _Reader:
    def __init__(self, max_cues):
        self.max_cues = max_cues
        self.cues = []
        self.problems = []

    def block(self, number, lines):
        keyword = lines[0].split(maxsplit=1)[0] if lines[0].split() else ""
        if keyword in ("NOTE", "STYLE", "REGION") and lines[0].startswith(keyword):
            if keyword != "NOTE" and self.cues:
                self.problems.append(
                    Problem(
                        number,
                        _("%(block)s blocks must come before the first cue.") % {"block": keyword},
                    )
                )
            self._no_arrows(number, lines)
            return
        if "-->" not in lines[0]:
            if len(lines) < 2 or "-->" not in lines[1]:
                self.problems.append(
                    Problem(
                        number + (1 if len(lines) > 1 else 0),
                        _("expected a cue timing line such as “00:00:01.000 --> 00:00:04.000”."),
                    )
                )
                return
            number, lines = number + 1, lines[1:]
        self.cue(number, lines)

    def _no_arrows(self, number, lines):
        for offset, line in enumerate(lines[1:], start=1):
            if "-->" in line:
                self.problems.append(Problem(number + offset, _("text must not contain “-->”.")))

    def cue(self, number, lines):
        match = TIMING.match(lines[0].strip())
        if not match:
            self.problems.append(
                Problem(
                    number,
                    _("expected a cue timing line such as “00:00:01.000 --> 00:00:04.000”."),
                )
            )
            return
        start = _timestamp(match.group(1), number, self.problems)
        end = _timestamp(match.group(2), number, self.problems)
        _check_settings(match.group(3), number, self.problems)
        self._no_arrows(number, lines)
        if start is None or end is None:
            return
        if end <= start:
            self.problems.append(
                Problem(
                    number,
                    _("the cue ends (%(end)s) before or when it starts (%(start)s).")
                    % {"end": format_time(end), "start": format_time(start)},
                )
            )
            return
        if self.cues and start < self.cues[-1].start:
            self.problems.append(
                Problem(
                    number,
                    _("the cue starts before the previous cue; cues must be in order of time."),
                )
            )
            return
        self.cues.append(Cue(start=start, end=end, text="\n".join(lines[1:]), line=number))


def parse(data, max_bytes, max_cues):
    """The cues of a WebVTT file (bytes); raises :class:`WebVTTError` listing its problems."""
    if len(data) > max_bytes:
        raise WebVTTError(
            [
                Problem(
                    None,
                    _("The subtitle file is %(size)d KB; at most %(max)d KB are allowed.")
                    % {"size": (len(data) + 1023) // 1024, "max": max_bytes // 1024},
                )
            ]
        )
    text = _decode(data)
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    for number, line in enumerate(lines, start=1):
        if "\x00" in line:
            raise WebVTTError([Problem(number, _("the file contains a NUL character."))])
    first = lines[0]
    if not (first == "WEBVTT" or first.startswith(("WEBVTT ", "WEBVTT\t"))):
        raise WebVTTError([Problem(1, _("a WebVTT file must start with the line “WEBVTT”."))])
    reader = _Reader(max_cues)
    header_end = 1
    while header_end < len(lines) and lines[header_end].strip() != "":
        if "-->" in lines[header_end]:
            reader.problems.append(
                Problem(header_end + 1, _("a blank line must follow the WEBVTT header."))
            )
        header_end += 1
    for number, block in _blocks(lines, header_end):
        reader.block(number, block)
        if len(reader.cues) > max_cues:
            reader.problems.append(
                Problem(
                    number, _("too many cues; at most %(max)d are allowed.") % {"max": max_cues}
                )
            )
            break
        if len(reader.problems) >= MAX_PROBLEMS:
            break
    if not reader.problems and not reader.cues:
        reader.problems.append(Problem(None, _("The subtitle file has no cues.")))
    if reader.problems:
        raise WebVTTError(reader.problems)
    return reader.cues
