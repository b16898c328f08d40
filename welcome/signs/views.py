from django.http import Http404, HttpResponseRedirect
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.cache import never_cache

from welcome.languages import links, negotiation

from .models import Sign
from .printing import sign_context
from .scans import record_scan


def target_url(sign, code, request=None):
    """Where a scan of ``sign`` leads a reader of ``code``: the target page's translation, else
    the page in that language through the site's fallback (English, then Danish, with a notice
    in the reader's language); the home page when the sign has no target."""
    page = sign.target_page
    if page is None:
        return f"/{code}/"
    translations = links.live_translations(page)
    if code in translations:
        return translations[code].get_url(request)
    return links.page_in_language_urls(page.pk)[code]


def _is_prefetch(request):
    purpose = request.headers.get("Sec-Purpose", "") or request.headers.get("Purpose", "")
    return "prefetch" in purpose


@never_cache
def scan(request, code):
    """``/s/<code>/``: the QR code's address. Redirects to the sign's page in the reader's
    language (remembered choice, then Accept-Language) and counts the scan."""
    sign = Sign.objects.canonical(code)
    if sign is None:
        raise Http404
    language = negotiation.preferred_language(request)
    response = HttpResponseRedirect(target_url(sign, language, request))
    if request.method == "GET" and not _is_prefetch(request):
        record_scan(sign, language)
    patch_vary_headers(response, ("Accept-Language", "Cookie"))
    return response


def print_sign(request, code):
    """``/signs/<code>/print/``: the sign in its chosen languages, ready to print."""
    sign = Sign.objects.canonical(code)
    if sign is None:
        raise Http404
    return render(request, "signs/print.html", sign_context(sign, request))
