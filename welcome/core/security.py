"""Content-Security-Policy: enforced on the public site, report-only on the admin.

The public site needs no inline script; where a template must have one, it carries the request's
nonce (``{{ request.csp_nonce }}``). The admin (Wagtail) uses inline scripts and styles, so its
policy only reports. Extra sources (an external video host, say) are settings, not code.
"""

import secrets

from django.conf import settings

PUBLIC_POLICY = {
    "default-src": ["'self'"],
    "script-src": ["'self'", "'nonce-{nonce}'"],
    "style-src": ["'self'"],
    "img-src": ["'self'", "data:"],
    "media-src": ["'self'", "blob:"],
    "font-src": ["'self'"],
    "connect-src": ["'self'"],
    "object-src": ["'none'"],
    "base-uri": ["'self'"],
    "form-action": ["'self'"],
    "frame-ancestors": ["'none'"],
}
ADMIN_POLICY = {
    **PUBLIC_POLICY,
    "style-src": ["'self'", "'unsafe-inline'"],
    "img-src": ["'self'", "data:", "blob:"],
    "frame-ancestors": ["'self'"],
}


def render_policy(policy, nonce, extra):
    directives = []
    for directive, sources in policy.items():
        values = [source.format(nonce=nonce) for source in sources] + extra.get(directive, [])
        directives.append(f"{directive} {' '.join(values)}")
    return "; ".join(directives)


class ContentSecurityPolicyMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.admin_prefix = "/admin/"

    def __call__(self, request):
        request.csp_nonce = secrets.token_urlsafe(16)
        response = self.get_response(request)
        if "text/html" not in response.get("Content-Type", ""):
            return response
        if settings.DEBUG and response.status_code >= 500:
            return response  # Django's technical error page is all inline style and script
        extra = getattr(settings, "WELCOME_CSP_EXTRA_SOURCES", {})
        if request.path_info.startswith(self.admin_prefix):
            header = "Content-Security-Policy-Report-Only"
            policy = render_policy(ADMIN_POLICY, request.csp_nonce, extra)
        else:
            header = "Content-Security-Policy"
            policy = render_policy(PUBLIC_POLICY, request.csp_nonce, extra)
        response.headers.setdefault(header, policy)
        return response
