from django.http import Http404, HttpResponseRedirect
from django.shortcuts import get_object_or_404, render
from django.utils import translation
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache
from wagtail.models import Page

from . import fallback, links, negotiation, registry


def _requested_language():
    code = translation.get_language()
    if not registry.is_active(code):
        raise Http404
    return code


def serve(request, path):
    """Wagtail's page serving, with fallback to English then Danish for missing translations."""
    code = _requested_language()
    route, shown = fallback.route_in_languages(request, path, code)
    return fallback.serve_route(request, route, code, shown)


@never_cache
def home_redirect(request):
    """``/``: send the reader to their language: remembered choice, then Accept-Language."""
    response = HttpResponseRedirect(f"/{negotiation.preferred_language(request)}/")
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def page_in_language(request, page_id):
    """The picker's target: the page in the language of the URL prefix, remembered as the reader's
    choice. Redirects to the translation; serves a fallback where there is none."""
    code = _requested_language()
    page = get_object_or_404(Page, pk=page_id)
    translations = links.live_translations(page)
    if code in translations:
        response = HttpResponseRedirect(translations[code].get_url(request))
    else:
        shown = next(
            (candidate for candidate in registry.fallback_chain(code) if candidate in translations),
            None,
        )
        if shown is None:
            raise Http404
        route = (translations[shown].specific, [], {})
        response = fallback.serve_route(request, route, code, shown)
    return negotiation.remember(response, code)


def page_not_found(request, exception=None):
    return render(request, "errors/404.html", status=404)


def server_error(request):
    """500 page in the reader's language; its template touches no database."""
    return render(request, "errors/500.html", status=500)
