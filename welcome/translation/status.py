"""Per object and language: the number of units in each state and how many are critical (one
grouped query), for ``manage.py translation_status`` and other automation."""

from collections import defaultdict

from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q

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
