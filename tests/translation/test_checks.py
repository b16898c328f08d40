"""Quality checks: each blocking check and each warning, on plain and rich text."""

import pytest

from welcome.translation import checks
from welcome.translation.checks import GlossaryTerm


def codes(findings):
    return [finding.code for finding in findings]


def test_a_faithful_translation_has_no_findings():
    source = 'Ring på <a id="a1">33 66 33 66</a>, eller skriv til borgerservice@kk.dk.'
    target = 'Call <a id="a1">33 66 33 66</a>, or write to borgerservice@kk.dk.'
    assert checks.run(source, target, kind="rich") == []


@pytest.mark.parametrize(
    ("target", "missing"),
    [
        ("<p>Book a time at kk.dk.</p>", '</a>, <a id="a1">'),
        ('<p>Book a time at <a id="a2">kk.dk</a>.</p>', '<a id="a1">'),
    ],
)
def test_a_dropped_or_renumbered_inline_tag_blocks(target, missing):
    source = '<p>Book en tid på <a id="a1">kk.dk</a>.</p>'
    findings = checks.run(source, target, kind="rich")
    assert findings[0].code == "tags"
    assert findings[0].blocking
    assert f"missing: {missing}" in str(findings[0].message)


def test_a_tag_the_source_lacks_blocks():
    findings = checks.run("<p>Hej</p>", "<p>Hello<script>alert(1)</script></p>", kind="rich")
    assert codes(checks.blocking(findings)) == ["tags"]
    assert "<script>" in str(findings[0].message)


def test_placeholders_must_survive():
    findings = checks.run("Hej %(name)s, du har {count} breve", "Hello, you have {count} letters")
    assert codes(checks.blocking(findings)) == ["placeholders"]
    assert "%(name)s" in str(findings[0].message)


def test_a_percent_sign_in_prose_is_not_a_placeholder():
    assert checks.placeholders("50 % af alle borgere") == checks.placeholders("50 % of all")


def test_over_the_maximum_length_blocks_and_counts_visible_characters():
    assert codes(checks.run("Velkommen", "W" * 41, max_length=40)) == ["max_length"]
    finding = checks.run("Velkommen", "W" * 41, max_length=40)[0]
    assert str(finding.message) == "41 characters; at most 40 are allowed."
    rich = '<p><a id="a1">' + "x" * 40 + "</a></p>"
    assert "max_length" not in codes(
        checks.run(rich, rich.replace("x", "y"), kind="rich", max_length=40)
    )


@pytest.mark.parametrize("target", ["", "   ", "<p> </p>"])
def test_an_empty_translation_blocks(target):
    findings = checks.run("<p>Hej</p>", target, kind="rich")
    assert codes(findings) == ["empty"]
    assert findings[0].blocking


@pytest.mark.parametrize("char", ["\u202e", "\u202d", "\u202a", "\u2066", "\u2069"])
def test_bidi_override_and_isolate_characters_block(char):
    findings = checks.run("Ring til os", f"اتصل{char} بنا")
    assert "bidi" in codes(checks.blocking(findings))
    assert f"U+{ord(char):04X}" in str(findings[0].message)


def test_right_to_left_marks_are_allowed():
    assert "bidi" not in codes(checks.run("Ring 112", "اتصل\u200f 112"))


def test_numbers_compare_by_value_in_any_script():
    assert checks.run("Ring 33 66 33 66", "اتصل ٣٣ ٦٦ ٣٣ ٦٦") == []
    assert checks.run("Ring 33 66 33 66", "تماس ۳۳ ۶۶ ۳۳ ۶۶") == []
    findings = checks.run("Åbent 10-15", "Open 10-16")
    assert codes(findings) == ["numbers"]
    assert not findings[0].blocking
    assert "source: 10, 15" in str(findings[0].message)


def test_urls_and_email_addresses_must_match():
    findings = checks.run(
        "Se www.kk.dk eller skriv til a@kk.dk.", "See www.kk.dk or write to b@kk.dk."
    )
    assert codes(findings) == ["urls"]
    assert "a@kk.dk" in str(findings[0].message)


def test_missing_approved_glossary_term_warns():
    glossary = [GlossaryTerm("CPR-nummer", "CPR number")]
    assert checks.run("Dit CPR-nummer", "Your CPR number", glossary=glossary) == []
    findings = checks.run("Dit CPR-nummer", "Your personal number", glossary=glossary)
    assert codes(findings) == ["glossary"]
    assert "CPR-nummer → CPR number" in str(findings[0].message)


def test_identical_to_source_warns_unless_only_untranslatable_terms():
    assert codes(checks.run("Husk dit kort", "Husk dit kort")) == ["identical"]
    mitid = [GlossaryTerm("MitID", "MitID", do_not_translate=True)]
    assert checks.run("MitID", "MitID", glossary=mitid) == []
    assert checks.run("112", "112") == []


def test_whitespace_and_final_punctuation_warn():
    assert codes(checks.run("Hej ", "Hello")) == ["whitespace"]
    assert codes(checks.run("Hvad er MitID?", "What is MitID.")) == ["punctuation"]
    assert checks.run("Hvad er det?", "ما هذا؟") == []
    assert checks.run("Velkommen.", "خوش آمدید۔") == []


def test_blocking_findings_come_first():
    findings = checks.run("Ring 112.", "Call 113\u202e")
    assert [finding.blocking for finding in findings] == sorted(
        (f.blocking for f in findings), reverse=True
    )
    assert codes(checks.blocking(findings)) == ["bidi"]
    assert set(codes(checks.warnings(findings))) == {"numbers", "punctuation"}
