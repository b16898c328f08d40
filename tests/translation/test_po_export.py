"""PO export: entries, comments, fuzzy outdated units, gettext tools, and the commands."""

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from django.core.management import call_command

from tests.factories import publish
from welcome.languages import registry as languages
from welcome.translation import services
from welcome.translation.models import UnitState

from .po_files import ARABIC, export, only, parse, snapshot, translated_file, translation_of

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
