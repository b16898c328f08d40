"""Export: one entry per unit of one language, in a stable order (see the package docstring)."""

import datetime
import gc
from collections import defaultdict

import polib
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.utils import translation
from django.utils.translation import gettext as _
from wagtail.models import Page

from welcome.languages import registry as languages

from ..models import Unit, UnitState
from ..terminology import glossary
from .common import HASH_PREFIX, msgctxt, target_hash


def select_units(locale, *, pages=(), subtree=False, objects=(), states=None):
    """The current units of ``locale`` to export: of the given pages (and their descendants with
    ``subtree``) and ``objects`` (``(content type, translation key)`` pairs), or of everything
    when none is given; only ``states`` when given. In a stable order."""
    units = Unit.objects.filter(locale=locale).current()
    keys = set()
    for page in pages:
        keys.add(page.translation_key)
        if subtree:
            keys.update(page.get_descendants().values_list("translation_key", flat=True))
    keys.update(key for _ct, key in objects)
    if pages or objects:
        units = units.filter(translation_key__in=keys)
    if states:
        units = units.filter(state__in=list(states))
    return units.order_by("content_type_id", "translation_key", "position", "key")


def _titles(units):
    """``{(content type id, translation key): title of the Danish source}`` in few queries."""
    wanted = defaultdict(set)
    for content_type_id, key in units:
        wanted[content_type_id].add(key)
    titles = {}
    for content_type_id, keys in wanted.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        source = {"translation_key__in": keys, "locale__language_code": languages.source().code}
        if issubclass(model, Page):
            rows = Page.objects.filter(**source).values_list("translation_key", "title")
        else:
            rows = ((obj.translation_key, str(obj)) for obj in model.objects.filter(**source))
        for key, title in rows:
            titles[(content_type_id, key)] = title
    return titles


def _labels():
    """The comment lines' wording, translated once per export."""
    return {
        "object": _("Object: %(title)s"),
        "field": _("Field: %(field)s"),
        "max": _("Maximum length: %(max)d characters"),
        "avoid": _("Avoid: %(term)s → %(preferred)s"),
        "keep": _("Do not translate: %(term)s"),
        "term": _("Term: %(term)s = %(translation)s"),
        "critical": _("Critical: a fact (number, date, address) changed in Danish."),
    }


def _comments(unit, title, terms, labels):
    lines = [
        labels["object"] % {"title": title},
        labels["field"] % {"field": unit.context or unit.key},
    ]
    if unit.max_length:
        lines.append(labels["max"] % {"max": unit.max_length})
    for hit in terms.find(unit.source_text):
        if hit.discouraged:
            lines.append(labels["avoid"] % {"term": hit.term, "preferred": hit.translation})
        elif hit.do_not_translate:
            lines.append(labels["keep"] % {"term": hit.term})
        elif hit.translation:
            lines.append(labels["term"] % {"term": hit.term, "translation": hit.translation})
    if unit.critical:
        lines.append(labels["critical"])
    lines.append(HASH_PREFIX + target_hash(unit.target_text))
    return "\n".join(line.replace("\n", " ") for line in lines)


def _entry(unit, title, terms, content_types, labels):
    entry = polib.POEntry(
        msgctxt=msgctxt(content_types[unit.content_type_id], unit.translation_key, unit.key),
        msgid=unit.source_text,
        msgstr=unit.target_text or "",
        comment=_comments(unit, title, terms, labels),
    )
    if unit.state == UnitState.OUTDATED:
        entry.flags.append("fuzzy")
        if unit.previous_source:
            entry.previous_msgid = unit.previous_source
    return entry


def _header(locale, revised):
    language = languages.get(locale.language_code)
    return {
        "Project-Id-Version": "Velkommen",
        "Report-Msgid-Bugs-To": settings.DEFAULT_FROM_EMAIL,
        "PO-Revision-Date": revised.strftime("%Y-%m-%d %H:%M+0000"),
        "Last-Translator": f"Velkommen <{settings.DEFAULT_FROM_EMAIL}>",
        "Language-Team": f"{language.english_name} <{settings.DEFAULT_FROM_EMAIL}>",
        "Language": language.code,
        "MIME-Version": "1.0",
        "Content-Type": "text/plain; charset=UTF-8",
        "Content-Transfer-Encoding": "8bit",
        "Plural-Forms": language.plural_forms,
        "X-Source-Language": languages.source().code,
    }


def export_po(locale, units):
    """The PO file (bytes) for ``units`` of ``locale``. Same state, same bytes. Comments are
    written in the file's language (the translator's), whoever exports it."""
    paused = gc.isenabled()
    gc.disable()  # as in import_po: many long-lived objects, no cycles to collect early
    try:
        with translation.override(locale.language_code):
            return _export(locale, units)
    finally:
        if paused:
            gc.enable()


def _export(locale, units):
    units = list(units.select_related(None)) if hasattr(units, "select_related") else list(units)
    revised = max((unit.updated_at for unit in units), default=None)
    if revised is None:
        revised = datetime.datetime(2000, 1, 1, tzinfo=datetime.UTC)
    po = polib.POFile(wrapwidth=0)
    po.header = _(
        "Velkommen – translation into %(language)s. Translate the msgstr lines only. Keep inline "
        'tags such as <a id="a1">…</a> and placeholders exactly as they are.'
    ) % {"language": languages.get(locale.language_code).english_name}
    po.metadata = _header(locale, revised.astimezone(datetime.UTC))
    titles = _titles({(unit.content_type_id, unit.translation_key) for unit in units})
    content_types = {
        pk: ContentType.objects.get_for_id(pk) for pk in {u.content_type_id for u in units}
    }
    terms = glossary.for_language(locale.language_code)
    labels = _labels()
    for unit in units:
        title = titles.get((unit.content_type_id, unit.translation_key), "")
        po.append(_entry(unit, title, terms, content_types, labels))
    return po.__unicode__().encode("utf-8")
