"""The coverage report: every source object × every language, in a constant number of queries.

One query per translatable model family lists the source objects; one grouped query counts units
per (object, language, state) with the critical ones; one query per model family lists which
translations exist and are live. Cells are computed in Python. Counts and translations are read
for the rows shown (``show``: a page of the report) unless a state filter needs them for every row,
so a site of 10,000 pages in nine languages costs a page's worth of memory, not the site's.
"""

import uuid
from dataclasses import dataclass
from functools import cached_property

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.db.models import CharField, Count, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from . import registry
from .models import TranslationRequest, Unit


class CellState:
    MISSING = "missing"
    PROGRESS = "progress"
    REVIEW = "review"
    APPROVED = "approved"
    PUBLISHED = "published"
    OUTDATED = "outdated"

    LABELS = {
        "missing": _("Missing"),
        "progress": _("In progress"),
        "review": _("Needs review"),
        "approved": _("Approved, not published"),
        "published": _("Published"),
        "outdated": _("Outdated"),
    }


@dataclass
class Cell:
    code: str
    state: str
    percent: int = 0
    critical: int = 0
    url: str = ""

    @property
    def label(self):
        return CellState.LABELS[self.state]


@dataclass
class Row:
    content_type_id: int
    translation_key: object
    title: str
    kind: str
    section: str
    path: str
    compute: object = None

    @cached_property
    def cells(self):
        return self.compute(self)

    @property
    def key(self):
        """The translation key in the form URLs use."""
        return str(uuid.UUID(str(self.translation_key)))


def _cell(code, counts, live):
    if counts is None:
        return Cell(code, CellState.PUBLISHED if live else CellState.MISSING)
    untranslated, draft, review, approved, outdated, critical = counts
    total = untranslated + draft + review + approved + outdated
    if total == 0:
        return Cell(code, CellState.PUBLISHED if live else CellState.MISSING)
    if outdated:
        state = CellState.OUTDATED
    elif review:
        state = CellState.REVIEW
    elif approved == total:
        state = CellState.PUBLISHED if live else CellState.APPROVED
    else:
        state = CellState.PROGRESS
    return Cell(code, state, round(100 * approved / total), critical)


def _key(field):
    """Translation keys as text: converting tens of thousands of UUIDs costs more than the query."""
    return Cast(field, output_field=CharField())


def _source_rows(source_locale):
    """Source pages (one query) and snippets (one query per snippet model)."""
    rows = []
    page_models = [m for m in registry.translatable_models() if registry.is_page_model(m)]
    types = ContentType.objects.get_for_models(*registry.translatable_models())
    page_types = {types[m].pk: str(m._meta.verbose_name) for m in page_models}
    pages = (
        Page.objects.filter(locale=source_locale, content_type_id__in=page_types)
        .order_by("path")
        .values_list("content_type_id", _key("translation_key"), "title", "path", "depth")
    )
    titles_by_path = {}
    for content_type_id, key, title, path, depth in pages:
        titles_by_path[path] = title
        section_path = path[: Page.steplen * 3] if depth >= 3 else ""
        rows.append(
            Row(content_type_id, key, title, page_types[content_type_id], section_path, path)
        )
    for row in rows:
        row.section = titles_by_path.get(row.section, "") if row.section else ""
    for model in registry.translatable_models():
        if model in page_models:
            continue
        kind = str(model._meta.verbose_name)
        snippets = (
            model.objects.filter(locale=source_locale)
            .annotate(key_text=_key("translation_key"))
            .order_by("pk")
        )
        for obj in snippets:
            rows.append(Row(types[model].pk, obj.key_text, str(obj), kind, "", ""))
    return rows


def _unit_counts(locales, keys=None):
    """``{(content type, key, locale): (untranslated, draft, review, approved, outdated,
    critical)}`` in one grouped query; for the translation ``keys`` given, or all."""
    counted = {
        state: Count("id", filter=Q(state=state))
        for state in ("untranslated", "draft", "review", "approved", "outdated")
    }
    units = Unit.objects.current().filter(locale__in=locales)
    if keys is not None:
        units = units.filter(translation_key__in=keys)
    grouped = (
        units.annotate(key_text=_key("translation_key"))
        .values("content_type_id", "key_text", "locale_id")
        .annotate(**counted, critical_n=Count("id", filter=Q(critical=True, state="outdated")))
        .order_by()
        .values_list("content_type_id", "key_text", "locale_id", *counted, "critical_n")
    )
    return {(ct, key, locale): tuple(rest) for ct, key, locale, *rest in _raw(grouped)}


def _raw(queryset):
    """The rows of ``queryset`` without the ORM's per-value converters (tens of thousands of rows
    of plain integers and text)."""
    sql, params = queryset.query.sql_with_params()
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _existing(source_locale, keys=None):
    """``{(key, locale id): live}`` of the translations (one query per model family); of the
    translation ``keys`` given, or all."""
    existing = {}
    for model in [Page, *registry.translatable_models()]:
        if model is not Page and registry.is_page_model(model):
            continue  # every page is in the Page query
        translations = model.objects.exclude(locale=source_locale)
        if keys is not None:
            translations = translations.filter(translation_key__in=keys)
        live_field = "live" if hasattr(model, "live") else "pk"
        for key, locale_id, live in translations.values_list(
            _key("translation_key"), "locale_id", live_field
        ):
            existing[(key, locale_id)] = bool(live)
    return existing


class _Facts:
    """Unit counts and existing translations behind the cells: for the rows shown, or, the first
    time a cell is asked for before that, for every row."""

    def __init__(self, locales, source_locale):
        self.locales, self.source_locale = locales, source_locale
        self.counts = self.existing = None

    def load(self, rows=None):
        keys = None if rows is None else [uuid.UUID(row.translation_key) for row in rows]
        self.counts = _unit_counts(self.locales, keys)
        self.existing = _existing(self.source_locale, keys)

    def cell(self, row, locale):
        if self.counts is None:
            self.load()
        return _cell(
            locale.language_code,
            self.counts.get((row.content_type_id, row.translation_key, locale.pk)),
            self.existing.get((row.translation_key, locale.pk)),
        )


def show(rows):
    """Read the counts and translations of just ``rows`` (the page of the report on screen)."""
    rows = list(rows)
    if rows and rows[0].compute is not None and rows[0].compute.facts.counts is None:
        rows[0].compute.facts.load(rows)


def build(codes=None, state=None, section=None, kind=None):
    """``(language codes, rows)`` of the report, filtered by language codes, cell state, section
    title and object kind. A row's cells are computed when first read (only the rows shown,
    unless a state filter needs them all)."""
    locales = list(Locale.objects.exclude(language_code=settings.WELCOME_SOURCE_LANGUAGE))
    if codes:
        locales = [locale for locale in locales if locale.language_code in codes]
    order = {code: i for i, code in enumerate(settings.WELCOME_LANGUAGES)}
    locales.sort(key=lambda locale: order.get(locale.language_code, 99))
    source_locale = registry.source_locale()
    facts = _Facts(locales, source_locale)
    editor_base = reverse("translation:queue") + "edit/"

    def compute(row):
        cells = []
        prefix = f"{editor_base}{row.content_type_id}/{row.key}/"
        for locale in locales:
            cell = facts.cell(row, locale)
            cell.url = f"{prefix}{locale.language_code}/"
            cells.append(cell)
        return cells

    compute.facts = facts
    rows = []
    for row in _source_rows(source_locale):
        if (section and row.section != section) or (kind and row.kind != kind):
            continue
        row.compute = compute
        if state and not any(cell.state == state for cell in row.cells):
            continue
        rows.append(row)
    return [locale.language_code for locale in locales], rows


def open_requests_count():
    return TranslationRequest.objects.open().count()
