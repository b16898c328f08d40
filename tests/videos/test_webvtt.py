"""Strict WebVTT: each bad case is refused with a message naming its line."""

import pytest
import webvtt as webvtt_py
from hypothesis import given
from hypothesis import strategies as st

from welcome.videos.webvtt import WebVTTError, format_time, parse

LIMIT = 512 * 1024
MAX_CUES = 100


def problems(data, max_bytes=LIMIT, max_cues=MAX_CUES):
    with pytest.raises(WebVTTError) as raised:
        parse(data, max_bytes, max_cues)
    return [str(problem) for problem in raised.value.problems]


GOOD = (
    "WEBVTT - Velkommen\n\n"
    "NOTE Oversat af Københavns Kommune\n\n"
    "STYLE\n::cue { color: yellow }\n\n"
    "intro\n"
    "00:00.500 --> 00:03.000 align:center line:90%\n"
    "<v Fortæller>Velkommen til København!\n\n"
    "01:00:03.500 --> 01:00:06.000\n"
    "To linjer\nmed tekst\n"
)


def test_a_valid_file_gives_its_cues():
    cues = parse(GOOD.encode(), LIMIT, MAX_CUES)

    assert [(cue.start, cue.end) for cue in cues] == [(500, 3000), (3603500, 3606000)]
    assert cues[0].text == "<v Fortæller>Velkommen til København!"
    assert cues[1].text == "To linjer\nmed tekst"
    assert cues[1].line == 12  # the line of its timing


def test_byte_order_mark_and_windows_line_ends_are_accepted():
    data = "\ufeffWEBVTT\r\n\r\n00:01.000 --> 00:02.000\r\nHej\r\n".encode()

    assert [cue.text for cue in parse(data, LIMIT, MAX_CUES)] == ["Hej"]


def test_missing_signature_is_refused_on_line_1():
    assert problems(b"00:01.000 --> 00:02.000\nHej\n") == [
        "Line 1: a WebVTT file must start with the line “WEBVTT”."
    ]


def test_a_signature_glued_to_other_text_is_refused():
    assert problems(b"WEBVTTX\n\n00:01.000 --> 00:02.000\nHej\n")[0].startswith("Line 1:")


def test_comma_decimal_separator_is_refused_naming_line_and_fix():
    data = b"WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHej\n\n00:00:03,000 --> 00:00:04.000\nDav\n"

    assert problems(data) == [
        "Line 6: the time “00:00:03,000” has a comma before the milliseconds; "
        "WebVTT needs a full stop (00:00:03.000)."
    ]


def test_webvtt_py_alone_would_have_dropped_that_cue_silently():
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nHej\n\n00:00:03,000 --> 00:00:04.000\nDav\n"

    assert len(webvtt_py.from_string(text).captions) == 1  # why we check more than webvtt-py


@pytest.mark.parametrize(
    ("timing", "message"),
    [
        ("00:05.000 --> 00:02.000", "the cue ends (00:00:02.000) before or when it starts"),
        ("00:05.000 --> 00:05.000", "the cue ends (00:00:05.000) before or when it starts"),
    ],
)
def test_end_not_after_start_is_refused(timing, message):
    assert problems(f"WEBVTT\n\n{timing}\nHej\n".encode()) == [f"Line 3: {message} (00:00:05.000)."]


def test_not_utf8_is_refused_naming_the_line():
    data = "WEBVTT\n\n00:01.000 --> 00:02.000\nKøbenhavn\n".encode("latin-1")

    assert problems(data) == [
        "Line 4: the file is not UTF-8 text. Save it as UTF-8 and upload it again."
    ]


def test_oversized_file_is_refused():
    data = GOOD.encode() + b"\n" * 2000

    assert problems(data, max_bytes=1024) == [
        f"The subtitle file is {(len(data) + 1023) // 1024} KB; at most 1 KB are allowed."
    ]


def test_too_many_cues_is_refused():
    cues = "".join(f"00:{i:02d}.000 --> 00:{i:02d}.500\nTekst {i}\n\n" for i in range(5))

    assert "too many cues; at most 3" in problems(f"WEBVTT\n\n{cues}".encode(), max_cues=3)[0]


@pytest.mark.parametrize(
    ("body", "expected"),
    [
        ("00:01.000 --> 00:02.000\nHej\n\n00:00.500 --> 00:03.000\nTidligere\n", "Line 6:"),
        ("00:01.000 --> 00:02.000\nHej --> dav\n", "Line 4: text must not contain"),
        ("00:01.000 --> 00:02.000 colour:red\nHej\n", "Line 3: unknown cue setting"),
        ("1:2.5 --> 00:02.000\nHej\n", "Line 3: “1:2.5” is not a WebVTT time"),
        ("00:61.000 --> 00:62.000\nHej\n", "Line 3: “00:61.000” is not a WebVTT time"),
        ("cue-1\nHej uden tid\n", "Line 4: expected a cue timing line"),
        ("00:01.000 --> 00:02.000\nHej\n\nSTYLE\n::cue {}\n", "Line 6: STYLE blocks must come"),
    ],
)
def test_other_bad_cues_are_refused_naming_their_line(body, expected):
    assert problems(f"WEBVTT\n\n{body}".encode())[0].startswith(expected)


def test_a_cue_right_after_the_header_without_a_blank_line_is_refused():
    assert problems(b"WEBVTT\n00:01.000 --> 00:02.000\nHej\n") == [
        "Line 2: a blank line must follow the WEBVTT header."
    ]


def test_a_file_without_cues_is_refused():
    assert problems(b"WEBVTT\n\nNOTE only a note\n") == ["The subtitle file has no cues."]


def test_a_nul_character_is_refused_naming_the_line():
    assert problems(b"WEBVTT\n\n00:01.000 --> 00:02.000\nH\x00ej\n") == [
        "Line 4: the file contains a NUL character."
    ]


def test_several_problems_are_all_reported():
    data = b"WEBVTT\n\n00:01,000 --> 00:02.000\nA\n\n00:04.000 --> 00:03.000\nB\n"

    assert [p.split(":")[0] for p in problems(data)] == ["Line 3", "Line 6"]


cue_times = st.lists(
    st.tuples(st.integers(0, 10_000_000), st.integers(1, 60_000)), min_size=1, max_size=20
)
cue_texts = st.text(
    alphabet=st.characters(
        blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="<>&-"
    ),
    min_size=1,
    max_size=30,
).filter(lambda text: text.strip() and text == text.strip())


@given(times=cue_times, texts=st.lists(cue_texts, min_size=20, max_size=20))
def test_any_well_formed_file_parses_back_to_its_cues(times, texts):
    starts = sorted(start for start, _length in times)
    cues = [(start, start + length) for start, (_s, length) in zip(starts, times, strict=True)]
    body = "\n\n".join(
        f"{format_time(start)} --> {format_time(end)}\n{text}"
        for (start, end), text in zip(cues, texts, strict=False)
    )

    parsed = parse(f"WEBVTT\n\n{body}\n".encode(), LIMIT, MAX_CUES)

    assert [(cue.start, cue.end, cue.text) for cue in parsed] == [
        (start, end, text) for (start, end), text in zip(cues, texts, strict=False)
    ]
