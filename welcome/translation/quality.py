"""The quality checks (``checks``) applied to units: with the unit's kind, length limit and the
approved terms its source contains. Used on save and approval (``services``), on PO import
(``po``) and in the editor, which shows every finding next to the segment."""

from . import checks
from .terminology import glossary


def findings(unit, text=None, *, terms=None):
    """Every finding for ``text`` (default: the unit's stored translation) as the translation
    of ``unit``; nothing for an empty text of an untranslated unit."""
    text = unit.target_text if text is None else text
    if not text:
        return []
    if terms is None:
        terms = glossary.for_language(unit.locale.language_code).terms(unit.source_text)
    return checks.run(
        unit.source_text, text, kind=unit.kind, max_length=unit.max_length, glossary=terms
    )


def blocking(unit, text=None):
    return checks.blocking(findings(unit, text))


def message(found):
    return " ".join(str(finding.message) for finding in found)


def annotate(rows, code):
    """Give each editor row what helps the translator: the source with its terms highlighted
    (``source_html``), the terms (``terms``), the quality findings of the stored or posted text
    (``findings``) and translation-memory suggestions (``suggestions``). A fixed number of
    queries for any number of rows."""
    from . import memory

    terms = glossary.for_language(code)
    suggestions = memory.suggestions_for([row.unit for row in rows])
    for row in rows:
        unit = row.unit
        hits = terms.find(unit.source_text)
        row.source_html = terms.highlight(unit.source_text)
        row.terms = [hit for hit in hits if not hit.discouraged]
        row.discouraged = [hit for hit in hits if hit.discouraged]
        approved_terms = terms.terms(unit.source_text)
        text = row.text if row.text else ""
        row.findings = findings(unit, text, terms=approved_terms) if text else []
        row.suggestions = suggestions.get(unit.pk, [])
    return rows
