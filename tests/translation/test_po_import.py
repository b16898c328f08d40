"""PO import: round trip, and every refused file and entry with the database unchanged."""

import re

import polib
import pytest
from django.test import override_settings

from tests.factories import publish
from welcome.pages.models import TopicPage
from welcome.translation import po, services
from welcome.translation.models import Unit, UnitOrigin, UnitState

from .po_files import ARABIC, _write, only, parse, snapshot, translated_file

# --- import ------------------------------------------------------------------------------------


def test_round_trip_reaches_the_public_arabic_page(
    site, requested, users, arabic, client, django_capture_on_commit_callbacks
):
    topic = site["topic"]
    data = translated_file(arabic)

    report = po.import_po(data, user=users["translator_ar"])

    assert report.accepted and report.complete, report.lines()
    assert len(report.applied) == len(requested)
    units = list(services.units_for(topic, arabic))
    assert {(u.state, u.origin) for u in units} == {(UnitState.DRAFT, UnitOrigin.IMPORT)}
    assert services.approve(units, user=users["reviewer_ar"]) == len(units)
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_translation(topic, arabic, user=users["reviewer_ar"])
    page = TopicPage.objects.get(translation_key=topic.translation_key, locale=arabic)
    assert page.live and page.title == ARABIC["title"]
    html = client.get(page.url).content.decode()
    assert ARABIC["intro"] in html
    # The nested steps (stream → struct → list → struct) and the rich text link survived.
    steps = next(block for block in page.body if block.block_type == "steps")
    assert steps.value["steps"][0]["title"] == "ع ع ع"  # “Book en tid”
    assert '<a href="https://www.kk.dk">' in html
    assert "ع ع ع" in html

    again = po.import_po(data, user=users["translator_ar"])
    assert again.applied == [] and len(again.unchanged) == len(requested)


def test_dry_run_reports_but_saves_nothing(site, requested, users, arabic):
    before = snapshot()
    report = po.import_po(translated_file(arabic), user=users["translator_ar"], dry_run=True)
    assert len(report.applied) == len(requested)
    assert "Dry run: nothing was saved." in report.lines()
    assert snapshot() == before


def test_submit_sends_applied_units_to_review(site, requested, users, arabic):
    po.import_po(translated_file(arabic), user=users["translator_ar"], submit=True)
    states = set(services.units_for(site["topic"], arabic).values_list("state", flat=True))
    assert states == {UnitState.REVIEW}


def refused(data, user, message):
    before = snapshot()
    report = po.import_po(data, user=user)
    assert not report.accepted
    assert any(message in problem for problem in report.refused), report.refused
    assert snapshot() == before
    return report


def test_a_5_mb_file_is_refused_before_parsing(site, requested, users, arabic, monkeypatch):
    def never(*args, **kwargs):
        raise AssertionError("parsed")

    data = translated_file(arabic) + b"#" * (5 * 1024 * 1024)
    monkeypatch.setattr(po.polib, "pofile", never)
    refused(data, users["translator_ar"], "The file is larger than 2,097,152 bytes")


def test_the_size_limit_is_a_setting(site, requested, users, arabic):
    with override_settings(WELCOME_PO_MAX_BYTES=100):
        refused(translated_file(arabic), users["translator_ar"], "larger than 100 bytes")


def test_non_utf8_bytes_under_a_utf8_header_are_refused(site, requested, users, arabic):
    data = translated_file(arabic).replace("رقم".encode(), "r\xe6kke".encode("latin-1"), 1)
    refused(data, users["translator_ar"], "The file is not valid UTF-8 (line")


def test_a_header_that_is_not_utf8_is_refused(site, requested, users, arabic):
    data = translated_file(arabic).replace(b"charset=UTF-8", b"charset=ISO-8859-1")
    refused(data, users["translator_ar"], "must declare charset=UTF-8")


def test_content_that_looks_like_a_server_path_is_not_opened(site, requested, users, arabic):
    # polib opens its argument as a file when such a path exists: a real, valid PO file here.
    path = _write(translated_file(arabic))
    report = refused(str(path).encode(), users["translator_ar"], "not a valid PO file")
    assert str(path) not in " ".join(report.refused)
    refused(b"/etc/passwd", users["translator_ar"], "")


@pytest.mark.parametrize(
    ("language", "message"),
    [
        ("xx", "The file's language “xx” is not an active language here."),
        ("ti", "The file's language “ti” is not an active language here."),
        ("da", "The file's language is the source language, Danish."),
        ("", "The file has no Language header."),
    ],
)
def test_a_wrong_language_is_refused(site, requested, users, arabic, language, message):
    data = translated_file(arabic).replace(
        b'"Language: ar\\n"', f'"Language: {language}\\n"'.encode()
    )
    refused(data, users["translator_ar"], message)


def test_a_language_the_user_does_not_translate_is_refused(site, requested, users, arabic):
    refused(translated_file(arabic), users["translator_ur"], "You do not translate into العربية.")
    refused(translated_file(arabic), users["nobody"], "You do not translate into")


def entry_refused(data, user, message):
    before = snapshot()
    report = po.import_po(data, user=user)
    assert report.accepted and not report.complete
    reasons = " ".join(reason for _context, reason in report.invalid)
    assert message in reasons, report.lines()
    assert snapshot() == before
    return report


def rich_key(requested):
    return next(u.key for u in requested if u.kind == "rich")


@pytest.mark.parametrize(
    "bad",
    [
        '<p>احجز موعدًا على <a id="a1">kk.dk</a>.<script>alert(1)</script></p>',
        '<p>احجز موعدًا على <a id="a1">kk.dk</a>.<img src="x" onerror="alert(1)"></p>',
        '<p>احجز موعدًا على <a id="a1" href="javascript:alert(1)">kk.dk</a>.</p>',
        '<p>احجز موعدًا على <a href="javascript:alert(1)">kk.dk</a>.</p>',
    ],
)
def test_unsafe_markup_is_refused(site, requested, users, arabic, bad):
    data = translated_file(arabic, only(rich_key(requested), bad))
    entry_refused(data, users["translator_ar"], "Markup that is not allowed here was found")


def test_unsafe_markup_in_plain_text_is_refused(site, requested, users, arabic):
    data = translated_file(arabic, only(":intro", "رقم CPR<script>alert(1)</script>"))
    entry_refused(data, users["translator_ar"], "<script>")


def test_a_dropped_inline_tag_is_refused(site, requested, users, arabic):
    data = translated_file(arabic, only(rich_key(requested), "<p>احجز موعدًا على kk.dk.</p>"))
    entry_refused(data, users["translator_ar"], '<a id="a1">')


def test_a_bidi_override_character_is_refused(site, requested, users, arabic):
    data = translated_file(arabic, only(":intro", "رقم CPR الخاص\u202e بك."))
    entry_refused(data, users["translator_ar"], "U+202E")


def test_over_length_sign_text_is_refused(site, users, arabic):
    from tests.signs.factories import SignFactory

    sign = SignFactory()
    services.request_translation(sign, ["ar"], requested_by=users["officer"])
    data = translated_file(arabic, only("headline", "مرحبًا بكم في خدمة المواطنين " * 3))
    entry_refused(data, users["translator_ar"], "at most 40 are allowed")


def test_a_duplicate_msgctxt_is_refused(site, requested, users, arabic):
    data = translated_file(arabic)
    first = re.search(rb'\n(#\. .*\n)*msgctxt ".*?"\nmsgid ".*?"\nmsgstr ".*?"\n', data)
    refused(data + first.group(0), users["translator_ar"], "appears more than once")


def test_a_syntax_error_is_refused(site, requested, users, arabic):
    data = translated_file(arabic).replace(b'msgstr "', b'msgstr "unterminated\nmsgstr "', 1)
    refused(data, users["translator_ar"], "not a valid PO file")
    refused(b'msgid "a"\nmsgstr "b"\nthis is not po\n', users["translator_ar"], "")


def test_a_stale_entry_is_reported_and_not_applied(site, requested, users, arabic):
    data = translated_file(arabic)
    topic = site["topic"]
    topic.intro = "Dit CPR-nummer står på dit sundhedskort."
    publish(topic)
    before = snapshot()

    report = po.import_po(data, user=users["translator_ar"])

    assert [c for c in report.stale if c.endswith(":intro")]
    intro = Unit.objects.get(locale=arabic, key="intro")
    assert intro.target_text == ""
    assert (intro.pk, intro.target_text) == next((p, t) for p, t, *_ in before if p == intro.pk)
    assert any("Stale (the Danish text changed)" in line for line in report.lines())


def test_a_conflicting_entry_is_reported_and_not_applied(site, requested, users, arabic):
    data = translated_file(arabic)
    intro = next(u for u in requested if u.key == "intro")
    services.save_unit(
        intro, "نص جديد من المحرر.", version=intro.version, user=users["reviewer_ar"]
    )
    before = Unit.objects.get(pk=intro.pk)

    report = po.import_po(data, user=users["translator_ar"])

    assert [c for c in report.conflict if c.endswith(":intro")]
    after = Unit.objects.get(pk=intro.pk)
    assert (after.target_text, after.version) == ("نص جديد من المحرر.", before.version)
    assert not report.complete


def test_unknown_contexts_fuzzy_and_obsolete_entries(site, requested, users, arabic):
    file = parse(translated_file(arabic))
    file.append(polib.POEntry(msgctxt="pages.topicpage:nope:title", msgid="x", msgstr="y"))
    file[0].flags.append("fuzzy")
    file.append(polib.POEntry(msgctxt="old", msgid="gammel", msgstr="قديم", obsolete=True))
    report = po.import_po(file.__unicode__().encode(), user=users["translator_ar"])
    assert report.unknown == ["pages.topicpage:nope:title"]
    assert file[0].msgctxt in report.skipped
    assert len(report.applied) == len(requested) - 1
