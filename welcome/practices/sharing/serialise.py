"""Public practices as JSON documents (``schema.json``): the API's pages and full exports.

Taxonomy terms are read as (practice, term) pairs and mapped onto one dictionary per term, rather
than prefetched as model instances: a page of 50 practices names some 600 terms, and building a
model instance for each cost more than everything else in the answer.
"""

import math
from collections import defaultdict

from django.conf import settings
from django.utils import timezone, translation
from wagtail.models import Page
from wagtail.rich_text import expand_db_html

from ..models import PracticePage, RelatedPractice, Status

FORMAT = "velkommen-practices"
VERSION = 1
TAXONOMIES = ("departments", "focus_areas", "goals", "channels", "target_groups")
RELATIONS = (*TAXONOMIES, "languages")


def public_practices(language_code):
    """Live public practices in one language, newest first, with their adoption counts."""
    return (
        PracticePage.objects.live()
        .public_entries()
        .in_language(language_code)
        .with_adoption_counts()
        .select_related("department", "locale")
        .prefetch_related("attachments__document")
        .order_by("-first_published_at", "-pk")
    )


def term(item):
    return {"code": item.slug, "name": item.label}


def language_term(item):
    return {"code": item.code, "name": item.label, "native_name": item.native_name}


def related_terms(practice_ids):
    """``{relation: {practice id: [term, ...]}}`` for the practices, terms in taxonomy order:
    two queries per relation, whatever the number of practices."""
    found = {}
    for name in RELATIONS:
        field = PracticePage._meta.get_field(name)
        describe = language_term if name == "languages" else term
        terms = {item.pk: describe(item) for item in field.related_model.objects.all()}
        position = {pk: index for index, pk in enumerate(terms)}
        through = field.remote_field.through
        source, target = f"{field.m2m_field_name()}_id", f"{field.m2m_reverse_field_name()}_id"
        pairs = through.objects.filter(**{f"{source}__in": practice_ids}).values_list(
            source, target
        )
        by_practice = defaultdict(list)
        for practice_id, term_id in sorted(pairs, key=lambda pair: position[pair[1]]):
            by_practice[practice_id].append(terms[term_id])
        found[name] = by_practice
    return found


def related_keys(practice_ids):
    """``{practice id: [translation key of each related practice, ...]}`` in the editors' order."""
    keys = defaultdict(list)
    links = (
        RelatedPractice.objects.filter(page_id__in=practice_ids)
        .order_by("page_id", "sort_order", "pk")
        .values_list("page_id", "practice__translation_key")
    )
    for page_id, key in links:
        keys[page_id].append(str(key))
    return keys


def _iso(value):
    return value.isoformat() if value else None


def parent_urls(practices, request=None):
    """``{parent path: URL}``: a practice's URL is its library's URL and its slug, and a page of
    practices has one library, so its URL is worked out once, not once per practice."""
    paths = {practice.path[: -Page.steplen] for practice in practices}
    return {page.path: page.get_url(request) for page in Page.objects.filter(path__in=paths)}


def practice_item(practice, absolute, terms, related, context):
    """One practice as a JSON object; ``absolute(path)`` makes a full URL."""
    source = (
        {
            "name": practice.source_name,
            "url": practice.source_url,
            "department": practice.source_department,
        }
        if practice.is_external
        else None
    )
    return {
        "id": str(practice.translation_key),
        "url": absolute(f"{context['parents'][practice.path[: -Page.steplen]]}{practice.slug}/"),
        "language": practice.locale.language_code,
        "title": practice.title,
        "summary": practice.summary,
        "challenge": practice.challenge,
        "what_was_done": expand_db_html(practice.what_was_done),
        "results": expand_db_html(practice.results),
        "key_figures": [
            {"value": block.value["value"], "label": block.value["label"]}
            for block in practice.key_figures
        ],
        "status": {"code": practice.status, "name": context["statuses"][practice.status]},
        **{name: terms[name].get(practice.pk, []) for name in RELATIONS},
        "contact": {
            "department": term(practice.department) if practice.department else None,
            "role": practice.contact_role,
            "email": practice.contact_email,
        },
        "cost": {"amount_dkk": practice.cost_dkk, "note": practice.cost_note},
        "started_on": _iso(practice.started_on),
        "ended_on": _iso(practice.ended_on),
        "published_at": _iso(practice.first_published_at),
        "updated_at": _iso(practice.last_published_at),
        "adoptions": practice.adoption_count,
        "related": related.get(practice.pk, []),
        "attachments": [
            {"title": attachment.title, "url": absolute(attachment.href)}
            for attachment in practice.attachments.all()
        ],
        "source": source,
    }


def document(
    language_code, practices, absolute, count, pagination=None, generated=False, request=None
):
    """The document around ``practices`` (already a page, or all of them). API pages leave out
    ``generated_at`` so that an unchanged page keeps its ETag."""
    practices = list(practices)
    ids = [practice.pk for practice in practices]
    with translation.override(language_code):
        terms, related = related_terms(ids), related_keys(ids)
        context = {
            "parents": parent_urls(practices, request),
            "statuses": {value: str(label) for value, label in Status.choices},
        }
        items = [practice_item(p, absolute, terms, related, context) for p in practices]
    stamp = {"generated_at": timezone.now().replace(microsecond=0).isoformat()} if generated else {}
    return {
        "format": FORMAT,
        "version": VERSION,
        "publisher": dict(settings.WELCOME_PRACTICES_PUBLISHER),
        "language": language_code,
        **stamp,
        "count": count,
        **(pagination or {}),
        "practices": items,
    }


def pagination(number, count, page_size, page_url):
    pages = max(1, math.ceil(count / page_size))
    return {
        "page": number,
        "pages": pages,
        "page_size": page_size,
        "next": page_url(number + 1) if number < pages else None,
        "previous": page_url(number - 1) if number > 1 else None,
    }


def export(language_code, base_url):
    """Every public practice in ``language_code``: what ``export_practices`` writes."""
    practices = list(public_practices(language_code))
    return document(
        language_code,
        practices,
        lambda path: absolute_url(base_url, path),
        len(practices),
        generated=True,
    )


def absolute_url(base_url, path):
    if "://" in path:
        return path
    return base_url.rstrip("/") + path
