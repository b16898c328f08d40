"""The tree paths of pages with view restrictions, cached: a page none of whose ancestors is in the
set needs no restriction query. Cleared when a restriction changes or a page moves."""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from wagtail.models import PageViewRestriction
from wagtail.signals import post_page_move

CACHE_KEY = "welcome:restricted-page-paths"


def restricted_paths():
    paths = cache.get(CACHE_KEY)
    if paths is None:
        paths = frozenset(PageViewRestriction.objects.values_list("page__path", flat=True))
        cache.set(CACHE_KEY, paths, None)
    return paths


def may_be_restricted(path):
    """True if the page at ``path`` or one of its ancestors carries a view restriction."""
    return any(path.startswith(restricted) for restricted in restricted_paths())


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
@receiver(post_page_move)
def forget_restricted_paths(**kwargs):
    cache.delete(CACHE_KEY)
