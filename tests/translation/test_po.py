"""PO export and import: format, gettext tools, round trip to the public Arabic page, and every
bad file refused with a clear message and the database unchanged."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import polib
import pytest
from django.core.management import call_command
from django.test import override_settings

from tests.factories import publish
from welcome.languages import registry as languages
from welcome.pages.models import TopicPage
from welcome.translation import po, services
from welcome.translation.models import Unit, UnitOrigin, UnitState

ARABIC = {
    "title": "العنوان ورقم CPR",
    "intro": "رقم CPR الخاص بك هو رقمك الشخصي في الدنمارك.",
}


def snapshot():
    return list(
        Unit.objects.order_by("pk").values_list("pk", "target_text", "state", "version", "origin")
    )


def parse(data):
    path = _write(data)
    return polib.pofile(str(path), encoding="utf-8")


def _write(data, name="file.po"):
    import tempfile

    folder = Path(tempfile.mkdtemp(prefix="po-test-"))
    path = folder / name
    path.write_bytes(data)
    return path


@pytest.fixture
def requested(site, users, arabic):
    services.request_translation(site["topic"], ["ar"], requested_by=users["officer"])
    return list(services.units_for(site["topic"], arabic))


def translation_of(entry):
    """A stand-in Arabic rendering of an entry: every Latin word outside tags becomes “ع”;
    tags, numbers and punctuation are kept."""
    if entry.msgid.startswith("Adresse og"):
        return ARABIC["title"]
    if entry.msgid.startswith("Dit CPR-nummer"):
        return ARABIC["intro"]
    pieces = re.split(r"(<[^<>]+>)", entry.msgid)
    return "".join(
        piece if piece.startswith("<") else re.sub(r"[^\W\d_]+", "ع", piece) for piece in pieces
    )


def export(arabic, **options):
    return po.export_po(arabic, po.select_units(arabic, **options))


def translated_file(arabic, change=None):
    file = parse(export(arabic))
    for entry in file:
        entry.msgstr = translation_of(entry)
        if change:
            change(entry)
    return file.__unicode__().encode("utf-8")


# --- export ------------------------------------------------------------------------------------


def test_export_has_one_entry_per_unit_with_context_comments_and_header(site, requested, arabic):
    data = export(arabic)
    file = parse(data)

    assert len(file) == len(requested)
    contexts = [entry.msgctxt for entry in file]
    assert len(set(contexts)) == len(contexts)
    key = str(site["topic"].translation_key)
    assert f"pages.topicpage:{key}:title" in contexts
    intro = file.find(f"pages.topicpage:{key}:intro", by="msgctxt")
    assert intro.msgid == site["topic"].intro
    assert "Adresse og CPR-nummer" in intro.comment
    assert "CPR-nummer = رقم CPR" in intro.comment
    assert re.search(r"target-hash: [0-9a-f]{16}", intro.comment)
    assert file.metadata["Language"] == "ar"
    # One source of plural rules: the language registry.
    assert file.metadata["Plural-Forms"] == languages.get("ar").plural_forms
    assert file.metadata["Plural-Forms"].startswith("nplurals=6; plural=")
    assert file.metadata["Content-Type"] == "text/plain; charset=UTF-8"
    assert export(arabic) == data


def test_export_names_the_maximum_length_of_a_sign_text(site, users, arabic):
    from tests.signs.factories import SignFactory

    sign = SignFactory()
    services.request_translation(sign, ["ar"], requested_by=users["officer"])
    file = parse(export(arabic))
    headline = next(
        e for e in file if e.msgctxt.startswith("signs.sign:") and "headline" in e.msgctxt
    )
    assert "40" in headline.comment


def test_outdated_units_are_fuzzy_with_the_previous_msgid(site, requested, users, arabic):
    topic = site["topic"]
    intro = next(u for u in requested if u.key == "intro")
    services.save_unit(intro, ARABIC["intro"], version=intro.version, user=users["translator_ar"])
    services.approve(
        list(services.units_for(topic, arabic).filter(key="intro")), user=users["reviewer_ar"]
    )
    old = topic.intro
    topic.intro = "Dit CPR-nummer er dit personnummer. Du får det hos Borgerservice."
    publish(topic)

    entry = parse(export(arabic)).find("intro", by="msgctxt") or next(
        e for e in parse(export(arabic)) if e.msgctxt.endswith(":intro")
    )
    assert entry.fuzzy
    assert entry.previous_msgid == old
    assert entry.msgid == topic.intro
    assert entry.msgstr == ARABIC["intro"]


def test_state_selection(site, requested, users, arabic):
    unit = requested[0]
    services.save_unit(unit, ARABIC["title"], version=unit.version, user=users["translator_ar"])
    drafts = parse(export(arabic, states=["draft"]))
    assert [entry.msgstr for entry in drafts] == [ARABIC["title"]]
    assert len(parse(export(arabic, states=["untranslated"]))) == len(requested) - 1


@pytest.mark.skipif(not shutil.which("msgfmt"), reason="GNU gettext is not installed")
def test_exported_files_pass_msgfmt_check_and_pofilter(site, requested, users, arabic, tmp_path):
    services.save_unit(
        requested[0], ARABIC["title"], version=requested[0].version, user=users["translator_ar"]
    )
    plain = tmp_path / "ar.po"
    plain.write_bytes(export(arabic))
    translated = tmp_path / "ar-translated.po"
    translated.write_bytes(translated_file(arabic))
    for path in (plain, translated):
        result = subprocess.run(
            ["msgfmt", "--check", "-o", "/dev/null", str(path)], capture_output=True, text=True
        )
        assert result.returncode == 0, result.stderr
        assert result.stderr == ""
        findings = tmp_path / f"{path.stem}-pofilter.po"
        result = subprocess.run(
            [
                str(Path(sys.executable).with_name("pofilter")),
                "-t",
                "variables",
                "-t",
                "xmltags",
                "-t",
                "printf",
                str(path),
                str(findings),
            ],
            capture_output=True,
            text=True,
        )
        assert result.returncode == 0, result.stderr
        # pofilter writes a file only when it has findings, each as a “(pofilter)” comment.
        assert not findings.exists(), findings.read_text(encoding="utf-8")
    # The same run does find a dropped tag and placeholder, so the check above can fail.
    broken = tmp_path / "broken.po"
    broken.write_bytes(
        translated_file(arabic).replace(b'<a id=\\"a1\\">\xd8\xb9', b"\xd8\xb9 %(name)s", 1)
    )
    subprocess.run(
        [
            str(Path(sys.executable).with_name("pofilter")),
            "-t",
            "xmltags",
            "-t",
            "printf",
            str(broken),
            str(tmp_path / "broken-out.po"),
        ],
        capture_output=True,
        check=True,
    )
    assert "(pofilter) xmltags" in (tmp_path / "broken-out.po").read_text(encoding="utf-8")


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


def only(key, text):
    """A change that translates the entry ending in ``key`` as ``text`` and nothing else."""

    def change(entry):
        entry.msgstr = text if entry.msgctxt.endswith(key) else ""

    return change


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


# --- command -----------------------------------------------------------------------------------


def test_commands_export_and_import_with_exit_codes(site, requested, users, arabic, tmp_path):
    out = tmp_path / "ar.po"
    call_command("export_po", "--language", "ar", "--page", str(site["topic"].pk), "-o", str(out))
    assert len(parse(out.read_bytes())) == len(requested)

    file = parse(out.read_bytes())
    for entry in file:
        entry.msgstr = translation_of(entry)
    file.save(str(out))
    before = snapshot()
    call_command("import_po", str(out), "--dry-run", "--user", "translator-ar")
    assert snapshot() == before
    call_command("import_po", str(out), "--user", "translator-ar")
    assert {u.state for u in services.units_for(site["topic"], arabic)} == {UnitState.DRAFT}

    big = tmp_path / "big.po"
    big.write_bytes(b"#" * (3 * 1024 * 1024))
    after = snapshot()
    with pytest.raises(SystemExit) as exit_code:
        call_command("import_po", str(big))
    assert exit_code.value.code == 1
    assert snapshot() == after


def test_command_exits_2_when_entries_are_rejected(
    site, requested, users, arabic, tmp_path, capsys
):
    path = tmp_path / "ar.po"
    path.write_bytes(translated_file(arabic, only(":intro", "نص\u202e")))
    with pytest.raises(SystemExit) as exit_code:
        call_command("import_po", str(path), "--user", "translator-ar")
    assert exit_code.value.code == 2
    assert "U+202E" in capsys.readouterr().err


def test_export_command_refuses_the_source_language(site, tmp_path):
    from django.core.management.base import CommandError

    with pytest.raises(CommandError, match="not an active target language"):
        call_command("export_po", "--language", "da", "-o", str(tmp_path / "x.po"))
