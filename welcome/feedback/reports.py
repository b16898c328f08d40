"""Figures for officers: where readers miss their language, translation coverage, outdated
translations and open feedback. Each is a few grouped queries, whatever the amount of data."""

from dataclasses import dataclass, field
from datetime import timedelta

from babel import UnknownLocaleError
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, F, Max, OuterRef, Subquery, Sum
from django.utils import timezone
from django.utils.translation import get_language
from wagtail.models import Page

from welcome.languages import registry
from welcome.languages.info import display_name

from .models import Feedback, PageDemand

MISSED_COLUMNS = ("missed_picker", "missed_cookie", "missed_header", "missed_address")


def language_name(code):
    """A language's name in the officer's language; the code itself where CLDR has no name."""
    try:
        return display_name(code, get_language() or settings.LANGUAGE_CODE)
    except (UnknownLocaleError, ValueError):
        return code


def period(days, today=None):
    """``(first day, last day)`` of the last ``days`` days, today included."""
    today = today or timezone.localdate()
    return today - timedelta(days=days - 1), today


@dataclass
class MissedRow:
    translation_key: str
    language: str
    missed: int
    picker: int
    cookie: int
    header: int
    address: int
    page_views: int = 0
    sign_scans: int = 0
    title: str = ""
    page_id: int | None = None
    language_label: str = field(default="")


def missed_ranking(start, end, limit=None):
    """(page, language) pairs ranked by missed demand between ``start`` and ``end`` (inclusive):
    most missed first; ties by language code, then page."""
    counts = PageDemand.objects.filter(day__range=(start, end))
    ranked = (
        counts.values("translation_key", "language")
        .annotate(
            picker=Sum("missed_picker"),
            cookie=Sum("missed_cookie"),
            header=Sum("missed_header"),
            address=Sum("missed_address"),
        )
        .annotate(missed=F("picker") + F("cookie") + F("header") + F("address"))
        .filter(missed__gt=0)
        .order_by("-missed", "language", "translation_key")
    )
    if limit:
        ranked = ranked[:limit]
    rows = [MissedRow(**row) for row in ranked]
    keys = {row.translation_key for row in rows}
    views = dict(
        counts.filter(translation_key__in=keys)
        .order_by()
        .values("translation_key")
        .annotate(total=Sum("views"))
        .values_list("translation_key", "total")
    )
    pages = page_titles(keys)
    scans = sign_scans_by_page(start, end, keys)
    for row in rows:
        row.page_views = views.get(row.translation_key, 0)
        row.page_id, row.title = pages.get(row.translation_key, (None, ""))
        row.sign_scans = scans.get((row.translation_key, row.language), 0)
        row.language_label = language_name(row.language)
    return rows


def missed_by_language(start, end, limit=None):
    """``[(language, missed)]``, most missed first."""
    totals = (
        PageDemand.objects.filter(day__range=(start, end))
        .values("language")
        .annotate(
            missed=Sum("missed_picker")
            + Sum("missed_cookie")
            + Sum("missed_header")
            + Sum("missed_address")
        )
        .filter(missed__gt=0)
        .order_by("-missed", "language")
    )
    if limit:
        totals = totals[:limit]
    return [(row["language"], row["missed"]) for row in totals]


def views_by_language(start, end):
    rows = (
        PageDemand.objects.filter(day__range=(start, end), views__gt=0)
        .values("language")
        .annotate(total=Sum("views"))
        .order_by("-total", "language")
    )
    return [(row["language"], row["total"]) for row in rows]


def page_titles(keys):
    """``{translation key: (page id, title)}``, preferring the source-language version."""
    source = settings.WELCOME_SOURCE_LANGUAGE
    found = {}
    pages = (
        Page.objects.filter(translation_key__in=keys)
        .annotate(language_code=F("locale__language_code"))
        .values_list("translation_key", "pk", "title", "language_code")
    )
    for key, pk, title, code in pages:
        if key not in found or code == source:
            found[key] = (pk, title)
    return found


def sign_scans_by_page(start, end, keys=None):
    """``{(page translation key, language): scans}`` of signs whose QR code leads to the page."""
    from welcome.signs.models import Sign, SignScan

    target = Sign.objects.filter(translation_key=OuterRef("sign_key"), target_page__isnull=False)
    scans = (
        SignScan.objects.filter(day__range=(start, end))
        .order_by()
        .annotate(page_key=Subquery(target.values("target_page__translation_key")[:1]))
        .exclude(page_key=None)
        .values("page_key", "language")
        .annotate(total=Sum("count"))
    )
    if keys is not None:
        scans = scans.filter(page_key__in=keys)
    return {(row["page_key"], row["language"]): row["total"] for row in scans}


def sign_scans_by_language(start, end):
    from welcome.signs.models import SignScan

    rows = (
        SignScan.objects.filter(day__range=(start, end))
        .values("language")
        .annotate(total=Sum("count"))
        .order_by("-total", "language")
    )
    return [(row["language"], row["total"]) for row in rows]


# --- content coverage --------------------------------------------------------------------------


def _content_pages():
    """Live pages of the site's own types (not the tree root or Wagtail's plain ``Page``)."""
    plain = ContentType.objects.get_for_model(Page)
    return Page.objects.live().filter(depth__gt=1).exclude(content_type=plain).order_by()


def _source_pages():
    return _content_pages().filter(locale__language_code=settings.WELCOME_SOURCE_LANGUAGE)


def coverage():
    """``[(language, translated, total)]``: how many live source-language pages have a live
    translation in each active language (Wagtail's native translations)."""
    keys = _source_pages().values("translation_key")
    total = _source_pages().count()
    translated = dict(
        _content_pages()
        .filter(translation_key__in=keys)
        .values("locale__language_code")
        .annotate(count=Count("pk"))
        .values_list("locale__language_code", "count")
    )
    return [(code, translated.get(code, 0), total) for code in registry.active_codes()]


@dataclass
class CriticalOutdated:
    title: str
    language: str
    units: int
    editor_url: str


def critical_outdated(limit=20):
    """Translations with critical outdated units (the Danish source changed a number, date,
    phone number, address or link since they were translated: the translation engine's flag),
    most such units first."""
    from django.urls import reverse

    from welcome.translation.models import Unit, UnitState

    grouped = (
        Unit.objects.current()
        .filter(state=UnitState.OUTDATED, critical=True)
        .order_by()
        .values("content_type_id", "translation_key", "locale__language_code")
        .annotate(units=Count("pk"))
        .order_by("-units", "locale__language_code", "translation_key")
    )[:limit]
    grouped = list(grouped)
    titles = {key: title for key, (_pk, title) in page_titles(
        {row["translation_key"] for row in grouped}).items()}  # fmt: skip
    found = []
    for row in grouped:
        key, code = row["translation_key"], row["locale__language_code"]
        title = titles.get(key) or _object_title(row["content_type_id"], key)
        url = reverse("translation:editor", args=[row["content_type_id"], key, code])
        found.append(CriticalOutdated(title, code, row["units"], url))
    return found


def _object_title(content_type_id, key):
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    obj = model.objects.filter(
        translation_key=key, locale__language_code=settings.WELCOME_SOURCE_LANGUAGE
    ).first()
    return str(obj) if obj is not None else str(key)


def open_feedback_by_language():
    """``[(language, open items, newest day)]``, most open first."""
    rows = (
        Feedback.objects.open()
        .values("language")
        .annotate(total=Count("pk"), newest=Max("created_on"))
        .order_by("-total", "language")
    )
    return [(row["language"], row["total"], row["newest"]) for row in rows]
