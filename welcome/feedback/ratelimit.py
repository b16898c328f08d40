"""Feedback rate limit: at most ``WELCOME_FEEDBACK_RATE_LIMIT`` messages per client address per
``WELCOME_FEEDBACK_RATE_WINDOW_SECONDS``, counted in the cache under a keyed hash of the address
that changes every window (``welcome.core.clients.client_key``), so no address is stored.

With Redis the count is shared by every app server. While Redis is unreachable,
``ResilientRedisCache`` counts in each process's memory: the limit still holds, per process (with
N processes a client may send up to N times the limit), and the site keeps taking feedback rather
than refusing everyone."""

from django.conf import settings
from django.core.cache import cache

from welcome.core.clients import client_key


def allow(request):
    """Count this attempt; ``False`` once the client is over the limit for this window."""
    window = settings.WELCOME_FEEDBACK_RATE_WINDOW_SECONDS
    key = "welcome:feedback-rate:" + client_key(request, "feedback", window)
    if cache.add(key, 1, window):
        count = 1
    else:
        try:
            count = cache.incr(key)
        except ValueError:  # expired between add and incr
            cache.set(key, 1, window)
            count = 1
    return count <= settings.WELCOME_FEEDBACK_RATE_LIMIT
