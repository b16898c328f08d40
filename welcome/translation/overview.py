"""The coverage report: every source object × every language, in a constant number of queries.

One grouped query counts units per (object, language, state) with the critical ones; one query
per translatable model family lists the source objects; one lists which translations exist and
are live. Cells are computed in Python.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale, Page

from . import registry
from .models import TranslationRequest, Unit, UnitState


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
    counts: dict = field(default_factory=dict)

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
    cells: list = field(default_factory=list)


def _cell(code, counts, critical, exists, live):
    total = sum(counts.values())
    if total == 0:
        return Cell(code, CellState.PUBLISHED if live else CellState.MISSING)
    approved = counts.get(UnitState.APPROVED, 0)
    percent = round(100 * approved / total)
    if counts.get(UnitState.OUTDATED):
        state = CellState.OUTDATED
    elif counts.get(UnitState.REVIEW):
        state = CellState.REVIEW
    elif approved == total:
        state = CellState.PUBLISHED if live else CellState.APPROVED
    else:
        state = CellState.PROGRESS
    return Cell(code, state, percent, critical, counts)


def _source_rows(source_locale):
    """Source pages (one query) and snippets (one query per snippet model)."""
    rows = []
    page_models = [m for m in registry.translatable_models() if registry.is_page_model(m)]
    types = ContentType.objects.get_for_models(*registry.translatable_models())
    page_types = {types[m].pk: m for m in page_models}
    pages = (
        Page.objects.filter(locale=source_locale, content_type_id__in=page_types)
        .order_by("path")
        .values_list("content_type_id", "translation_key", "title", "path", "depth")
    )
    titles_by_path = {}
    for content_type_id, key, title, path, depth in pages:
        titles_by_path[path] = title
        section_path = path[: Page.steplen * 3]
        rows.append(
            Row(
                content_type_id,
                key,
                title,
                str(page_types[content_type_id]._meta.verbose_name),
                section_path if depth >= 3 else "",
                path,
            )
        )
    for row in rows:
        row.section = titles_by_path.get(row.section, "") if row.section else ""
    for model in registry.translatable_models():
        if model in page_models:
            continue
        for obj in model.objects.filter(locale=source_locale).order_by("pk"):
            rows.append(
                Row(
                    types[model].pk,
                    obj.translation_key,
                    str(obj),
                    str(model._meta.verbose_name),
                    "",
                    "",
                )
            )
    return rows


def build(codes=None, state=None, section=None, kind=None):
    """``(languages, rows)`` of the report, filtered by language codes, cell state, section
    title and object kind."""
    locales = list(Locale.objects.exclude(language_code=settings.WELCOME_SOURCE_LANGUAGE))
    if codes:
        locales = [locale for locale in locales if locale.language_code in codes]
    order = {code: i for i, code in enumerate(settings.WELCOME_LANGUAGES)}
    locales.sort(key=lambda locale: order.get(locale.language_code, 99))
    source_locale = registry.source_locale()
    counts = defaultdict(lambda: defaultdict(int))
    critical = defaultdict(int)
    grouped = (
        Unit.objects.current()
        .filter(locale__in=locales)
        .values("content_type_id", "translation_key", "locale_id", "state")
        .annotate(n=Count("id"), crit=Count("id", filter=Q(critical=True, state="outdated")))
    )
    for item in grouped:
        cell_key = (item["content_type_id"], item["translation_key"], item["locale_id"])
        counts[cell_key][item["state"]] += item["n"]
        critical[cell_key] += item["crit"]
    existing = {
        (key, locale_id): live
        for key, locale_id, live in Page.objects.exclude(locale=source_locale).values_list(
            "translation_key", "locale_id", "live"
        )
    }
    for model in registry.translatable_models():
        if not registry.is_page_model(model):
            live_field = "live" if hasattr(model, "live") else "pk"
            for key, locale_id, live in model.objects.exclude(locale=source_locale).values_list(
                "translation_key", "locale_id", live_field
            ):
                existing[(key, locale_id)] = bool(live)
    rows = []
    for row in _source_rows(source_locale):
        if section and row.section != section:
            continue
        if kind and row.kind != kind:
            continue
        for locale in locales:
            cell_key = (row.content_type_id, row.translation_key, locale.pk)
            live = existing.get((row.translation_key, locale.pk))
            row.cells.append(
                _cell(
                    locale.language_code,
                    counts.get(cell_key, {}),
                    critical.get(cell_key, 0),
                    live is not None,
                    bool(live),
                )
            )
        if state and not any(cell.state == state for cell in row.cells):
            continue
        rows.append(row)
    return [locale.language_code for locale in locales], rows


def open_requests_count():
    return TranslationRequest.objects.open().count()
