"""Per object and language: the number of units in each state and how many are critical (one
grouped query), for ``manage.py translation_status`` and other automation; and whether a published
translation is outdated, for the notice on public pages."""

from collections import defaultdict
from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models import Count, F, Q

from .models import Unit, UnitState


def unit_status(codes=None):
    rows = Unit.objects.current()
    if codes:
        rows = rows.filter(locale__language_code__in=codes)
    grouped = (
        rows.values("content_type_id", "translation_key", "locale__language_code", "state")
        .annotate(n=Count("id"), critical=Count("id", filter=Q(critical=True)))
        .order_by()
    )
    table = defaultdict(lambda: {**dict.fromkeys(UnitState.values, 0), "critical": 0})
    for item in grouped:
        key = (item["content_type_id"], item["translation_key"], item["locale__language_code"])
        table[key][item["state"]] += item["n"]
        table[key]["critical"] += item["critical"]
    titles = _titles({(ct, key) for ct, key, _code in table})
    result = []
    for (content_type_id, key, code), counts in sorted(
        table.items(), key=lambda item: (titles.get(item[0][:2], ""), item[0][2])
    ):
        result.append(
            {
                "object": titles.get((content_type_id, key), str(key)),
                "type": ContentType.objects.get_for_id(content_type_id).model,
                "translation_key": str(key),
                "language": code,
                "units": counts,
                "total": sum(v for k, v in counts.items() if k != "critical"),
            }
        )
    return result


@cache
def _outdated_sql(alias):
    """The SQL of ``is_outdated`` and the order of its parameters, built by the ORM once per
    database alias (for a query on every translated page view, building the SQL cost several times
    what running it did)."""
    connection = connections[alias]
    markers = {
        "content_type": -1,
        "translation_key": "00000000-0000-0000-0000-000000000001",
        "locale": -2,
    }
    queryset = (
        Unit.objects.filter(
            # With the content type, the unique (content type, key, locale, segment) index answers.
            content_type_id=markers["content_type"],
            translation_key=markers["translation_key"],
            locale_id=markers["locale"],
            archived_at__isnull=True,
            approved_text__isnull=False,
        )
        .exclude(approved_hash=F("source_hash"))
        .order_by()
        .values("id")[:1]
    )
    sql, params = queryset.query.get_compiler(alias).as_sql()
    prepared = {
        Unit._meta.get_field(name).get_db_prep_value(value, connection): name
        for name, value in markers.items()
    }
    order = [prepared.get(param) for param in params]
    if sorted(filter(None, order)) != sorted(markers) or None in order:
        raise ValueError(f"Unexpected parameters in the outdated-unit query: {params!r}")
    return sql, order


def is_outdated(content_type, translation_key, locale_id, using="default"):
    """Whether the last approved translation of some current segment of the object was made from
    an older source text: true from the moment the source changes until the new translation is
    approved (drafts included)."""
    connection = connections[using]
    values = {
        "content_type": content_type.pk,
        "translation_key": Unit._meta.get_field("translation_key").get_db_prep_value(
            translation_key, connection
        ),
        "locale": locale_id,
    }
    sql, order = _outdated_sql(using)
    with connection.cursor() as cursor:
        cursor.execute(sql, [values[name] for name in order])
        return cursor.fetchone() is not None


def _titles(keys):
    """Source titles per (content type id, translation key), one query per content type."""
    from . import registry

    by_type = defaultdict(set)
    for content_type_id, key in keys:
        by_type[content_type_id].add(key)
    titles = {}
    source = registry.source_locale()
    for content_type_id, wanted in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None:
            continue
        for obj in model.objects.filter(translation_key__in=wanted, locale=source):
            titles[(content_type_id, obj.translation_key)] = str(getattr(obj, "title", obj))
    return titles
