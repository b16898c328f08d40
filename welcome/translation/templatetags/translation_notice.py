"""The public notice on an outdated translation (issue: it stays published with its last approved
text, and says, in the reader's language, that parts were updated in Danish)."""

from django import template
from django.conf import settings
from django.db.models import F
from wagtail.models import Page

from .. import registry
from ..models import Unit

register = template.Library()


@register.inclusion_tag("translation/includes/outdated_notice.html")
def outdated_notice(page):
    """Two small queries on a translated page; nothing on a Danish one."""
    if not isinstance(page, Page) or page.pk is None:
        return {"source_url": None}
    page = registry.specific(page)
    if registry.is_source(page) or not registry.is_translatable(type(page)):
        return {"source_url": None}
    # The last approved translation of some segment was made from an older Danish text: true from
    # the moment the source changes until the new translation is approved (drafts included).
    outdated = (
        Unit.objects.filter(
            translation_key=page.translation_key,
            locale_id=page.locale_id,
            archived_at__isnull=True,
            approved_text__isnull=False,
        )
        .exclude(approved_hash=F("source_hash"))
        .exists()
    )
    if not outdated:
        return {"source_url": None}
    source = (
        Page.objects.live()
        .filter(
            translation_key=page.translation_key,
            locale__language_code=settings.WELCOME_SOURCE_LANGUAGE,
        )
        .first()
    )
    return {"source_url": source.url if source else None}
