"""Whole-page cache for anonymous readers, per language, and the 503 page when the database is
unreachable.

What is cached: anonymous GET/HEAD responses (no session cookie) of views that mark themselves
cacheable (``mark_cacheable``: the public page views), status 200, no cookie set. The language
prefix is part of the path, so every language is cached separately.

Invalidation: one generation number for all cached pages, bumped whenever public content changes
(a page or snippet published, unpublished, moved or deleted; a language, site or redirect
changed). A page shows more than itself — the picker lists its translations, the home page lists
topics, a fallback page stands in for a missing translation — so invalidating everything on
publish is the simple rule that is never stale; publishing is rare next to reading.

While the database is unreachable, cached pages are still served; other requests get a 503 page in
the reader's language, rendered without the database.
"""

import logging

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError
from django.db.models.signals import post_delete, post_save
from django.shortcuts import render
from django.utils.cache import patch_cache_control
from wagtail import signals as wagtail_signals

logger = logging.getLogger(__name__)

GENERATION_KEY = "welcome:pagecache:generation"
SKIPPED_HEADERS = {"content-security-policy", "set-cookie", "content-length"}


def mark_cacheable(request, **metadata):
    """Let the page cache store this request's response; ``metadata`` (page id, languages) is kept
    with it and handed to ``page_served`` receivers on every cache hit."""
    request.welcome_cache_metadata = metadata


def add_metadata(request, **metadata):
    """Add to what ``mark_cacheable`` keeps (a page adds what it learns while rendering, such as
    the languages it exists in); nothing happens for a request that is not cacheable."""
    kept = getattr(request, "welcome_cache_metadata", None)
    if kept is not None:
        kept.update(metadata)


def bump_generation(**kwargs):
    try:
        cache.incr(GENERATION_KEY)
    except ValueError:
        cache.set(GENERATION_KEY, 2, None)


def invalidate_on_save_and_delete(model):
    """Clear the page cache whenever a row of ``model`` is saved or deleted."""
    uid = f"pagecache-{model._meta.label}"
    post_save.connect(bump_generation, sender=model, weak=False, dispatch_uid=uid)
    post_delete.connect(bump_generation, sender=model, weak=False, dispatch_uid=uid)


def connect_invalidation():
    """Called once at start-up (CoreConfig.ready): every process that changes content, the web
    workers and management commands alike, clears the shared page cache."""
    from wagtail.contrib.redirects.models import Redirect
    from wagtail.models import Locale, Page, Site

    for signal in (
        wagtail_signals.published,
        wagtail_signals.unpublished,
        wagtail_signals.page_published,
        wagtail_signals.page_unpublished,
        wagtail_signals.post_page_move,
    ):
        signal.connect(bump_generation, weak=False, dispatch_uid=f"pagecache-{id(signal)}")
    post_delete.connect(bump_generation, sender=Page, weak=False, dispatch_uid="pagecache-page")
    for model in (Locale, Site, Redirect):
        invalidate_on_save_and_delete(model)


def _key(request):
    generation = cache.get_or_set(GENERATION_KEY, 1, None)
    return f"welcome:page:{generation}:{request.get_host()}:{request.path}"


def _eligible(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.META.get("QUERY_STRING")
        and settings.SESSION_COOKIE_NAME not in request.COOKIES
    )


class PageCacheMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        from .signals import page_served

        eligible = _eligible(request) and settings.WELCOME_PAGE_CACHE_SECONDS > 0
        key = _key(request) if eligible else None
        if key:
            cached = cache.get(key)
            if cached is not None:
                status, headers, content, metadata = cached
                response = _rebuild(status, headers, content)
                response["X-Cache"] = "hit"
                page_served.send(sender=PageCacheMiddleware, request=request, **metadata)
                return response
        response = self.get_response(request)
        metadata = getattr(request, "welcome_cache_metadata", None)
        if key and metadata is not None and _storable(response):
            headers = [
                (name, value)
                for name, value in response.items()
                if name.lower() not in SKIPPED_HEADERS
            ]
            cache.set(
                key,
                (response.status_code, headers, response.content, metadata),
                settings.WELCOME_PAGE_CACHE_SECONDS,
            )
            response["X-Cache"] = "miss"
        if metadata is not None:
            page_served.send(sender=PageCacheMiddleware, request=request, **metadata)
        return response

    def process_exception(self, request, exception):
        if isinstance(exception, DatabaseError):
            logger.error("Database unavailable: %s", exception)
            return service_unavailable(request)
        return None


def _storable(response):
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "private" not in response.get("Cache-Control", "")
    )


def _rebuild(status, headers, content):
    from django.http import HttpResponse

    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def service_unavailable(request):
    """503 in the reader's language; the template and its context need no database."""
    response = render(request, "errors/503.html", status=503)
    response["Retry-After"] = "120"
    patch_cache_control(response, no_store=True)
    return response
