"""Wagtail looks the request's Site up in the database on every request; we keep it in the cache.

Cached per host and port under a generation number that changes whenever a Site is saved or
deleted, so an edited site is never served stale.
"""

from django.core.cache import cache
from django.db.models.signals import post_delete, post_save
from django.dispatch import receiver
from django.http.request import split_domain_port
from wagtail.models import Site

GENERATION_KEY = "welcome:sites:generation"
SITE_CACHE_SECONDS = 3600


def _key(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    return f"welcome:site:{generation}:{hostname}:{request.get_port()}"


def find_site(request):
    """``Site.find_for_request``, cached; Wagtail code on the same request reuses the result."""
    if hasattr(request, "_wagtail_site"):
        return request._wagtail_site
    key = _key(request)
    site = cache.get(key)
    if site is None:
        site = Site.find_for_request(request)
        if site is not None:
            cache.set(key, site, SITE_CACHE_SECONDS)
    request._wagtail_site = site
    return site


@receiver(post_save, sender=Site)
@receiver(post_delete, sender=Site)
def forget_sites(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)
