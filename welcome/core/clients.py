"""Who is asking, for rate limits, without storing it: the client's address, and a keyed hash of it
that changes every window so counters in the cache cannot be linked to a person over time."""

import hashlib
import hmac
import time

from django.conf import settings


def client_address(request):
    """The client's address: REMOTE_ADDR, or the address the trusted proxies saw
    (``WELCOME_TRUSTED_PROXY_COUNT`` entries from the right of X-Forwarded-For)."""
    proxies = settings.WELCOME_TRUSTED_PROXY_COUNT
    forwarded = request.headers.get("X-Forwarded-For", "")
    if proxies and forwarded:
        hops = [hop.strip() for hop in forwarded.split(",") if hop.strip()]
        if len(hops) >= proxies:
            return hops[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def client_key(request, purpose, window_seconds):
    """An opaque key for this client and purpose in the current time window."""
    window = int(time.time() // window_seconds)
    message = f"{purpose}:{window}:{client_address(request)}".encode()
    return hmac.new(settings.SECRET_KEY.encode(), message, hashlib.sha256).hexdigest()[:32]
