from django.utils import translation
from django.utils.cache import patch_vary_headers

from . import negotiation, registry


class LanguageMiddleware:
    """Activate the language of the URL prefix (``/ar/…``); for an unprefixed URL, the reader's
    preferred language (remembered choice, then ``Accept-Language``).

    Used instead of Django's ``LocaleMiddleware``, which negotiates among *supported* rather than
    *active* languages and redirects unknown prefixes to the default language instead of answering
    404.
    """

    # Machine endpoints speak no language: no negotiation (and no database) for them.
    exempt_prefixes = ("/healthz", "/readyz", "/static/", "/media/")

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if request.path_info.startswith(self.exempt_prefixes):
            return self.get_response(request)
        with registry.once_per_request():
            return self._respond(request)

    def _respond(self, request):
        code = negotiation.language_from_path(request.path_info)
        negotiated = code is None
        if negotiated:
            code = negotiation.preferred_language(request)
        translation.activate(code)
        request.LANGUAGE_CODE = code
        response = self.get_response(request)
        # A view whose answer does not depend on the reader's language (a JSON API with ?lang=)
        # marks its response ``language_independent`` so that shared caches may keep it.
        if negotiated and not getattr(response, "language_independent", False):
            patch_vary_headers(response, ("Accept-Language", "Cookie"))
        response.headers.setdefault("Content-Language", code)
        return response
