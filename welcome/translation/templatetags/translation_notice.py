"""The public notice on an outdated translation (issue: it stays published with its last approved
text, and says, in the reader's language, that parts were updated in Danish)."""

from django import template
from django.conf import settings
from wagtail.models import Page

from .. import registry, status

register = template.Library()


@register.inclusion_tag("translation/includes/outdated_notice.html", takes_context=True)
def outdated_notice(context, page):
    """One small query on a translated page; nothing on a Danish one."""
    if not isinstance(page, Page) or page.pk is None:
        return {"source_url": None}
    page = registry.specific(page)
    if registry.is_source(page) or not registry.is_translatable(type(page)):
        return {"source_url": None}
    outdated = status.is_outdated(
        registry.content_type_of(page), page.translation_key, page.locale_id
    )
    if not outdated:
        return {"source_url": None}
    return {"source_url": _source_url(context.get("language_links"), page)}


def _source_url(language_links, page):
    """The live Danish page's address: from the page's picker links when they are there (a list from
    ``BasePage.get_context``; they know every live translation), else looked up."""
    for link in language_links if isinstance(language_links, list) else ():
        if link.language.code == settings.WELCOME_SOURCE_LANGUAGE:
            return link.alternate_url or None
    source = (
        Page.objects.live()
        .filter(
            translation_key=page.translation_key,
            locale__language_code=settings.WELCOME_SOURCE_LANGUAGE,
        )
        .first()
    )
    return source.url if source else None
