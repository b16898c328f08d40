"""Public practices as JSON documents (``schema.json``): the API's pages and full exports."""

import math

from django.conf import settings
from django.db.models import Prefetch
from django.utils import timezone, translation
from wagtail.rich_text import expand_db_html

from ..models import PracticePage, RelatedPractice

FORMAT = "velkommen-practices"
VERSION = 1
TAXONOMIES = ("departments", "focus_areas", "goals", "channels", "target_groups")


def public_practices(language_code):
    """Live public practices in one language, with everything a document needs, newest first:
    a fixed number of queries however many practices there are."""
    return (
        PracticePage.objects.live()
        .public_entries()
        .in_language(language_code)
        .with_adoption_counts()
        .select_related("department", "locale")
        .prefetch_related(
            *TAXONOMIES,
            "languages",
            "attachments__document",
            Prefetch("related_links", queryset=RelatedPractice.objects.select_related("practice")),
        )
        .order_by("-first_published_at", "-pk")
    )


def term(item):
    return {"code": item.slug, "name": item.label}


def _iso(value):
    return value.isoformat() if value else None


def practice_item(practice, absolute):
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
        "url": absolute(practice.url),
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
        "status": {"code": practice.status, "name": str(practice.get_status_display())},
        **{name: [term(item) for item in getattr(practice, name).all()] for name in TAXONOMIES},
        "languages": [
            {"code": language.code, "name": language.label, "native_name": language.native_name}
            for language in practice.languages.all()
        ],
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
        "related": [str(link.practice.translation_key) for link in practice.related_links.all()],
        "attachments": [
            {"title": attachment.title, "url": absolute(attachment.href)}
            for attachment in practice.attachments.all()
        ],
        "source": source,
    }


def document(language_code, practices, absolute, count, pagination=None, generated=False):
    """The document around ``practices`` (already a page, or all of them). API pages leave out
    ``generated_at`` so that an unchanged page keeps its ETag."""
    with translation.override(language_code):
        items = [practice_item(practice, absolute) for practice in practices]
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
