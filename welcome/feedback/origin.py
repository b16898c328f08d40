"""Cross-site request forgery protection for a form on cached pages.

Public pages are cached whole for anonymous readers, so they cannot carry a per-reader CSRF token,
and the form must work without JavaScript. The form therefore posts to an endpoint that is never
cached and checks where the request comes from instead of a token: the ``Origin`` header (sent by
every current browser on a form POST), or, where a browser sends ``Origin: null`` or none, the
``Referer``, must be this site (or one of ``CSRF_TRUSTED_ORIGINS``); ``Sec-Fetch-Site:
cross-site`` is refused outright. A request with neither header is refused. This is the check
Django's own CSRF middleware makes before it looks at the token; the endpoint only creates
feedback rows (no session, no account), and a rate limit and a honeypot stand behind it."""

from urllib.parse import urlsplit

from django.conf import settings


def _origin_of(url):
    parts = urlsplit(url)
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme and parts.netloc else None


def is_same_origin(request):
    if request.headers.get("Sec-Fetch-Site") == "cross-site":
        return False
    origin = request.headers.get("Origin")
    if not origin or origin == "null":
        origin = _origin_of(request.headers.get("Referer", ""))
    if not origin:
        return False
    allowed = {f"{request.scheme}://{request.get_host()}", *settings.CSRF_TRUSTED_ORIGINS}
    return origin in allowed
