"""The read-only JSON API of public practices, for other cities: ``/api/practices/?lang=&page=``.

Unprefixed (the language is a parameter), paginated, documented by ``/api/practices/schema/``,
cacheable by shared caches (``Cache-Control: public``, a strong ``ETag``, ``304 Not Modified``).
Internal practices are never in it, whoever asks.
"""

import hashlib
import json

from django.conf import settings
from django.core.paginator import EmptyPage, Paginator
from django.http import HttpResponse, JsonResponse
from django.urls import path
from django.utils.cache import get_conditional_response, patch_cache_control
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET

from welcome.languages import registry

from .sharing import serialise, validation

PAGE_SIZE = 50
JSON_CONTENT_TYPE = "application/json"


def _cacheable(request, body, content_type, language=None):
    etag = f'"{hashlib.sha256(body).hexdigest()[:32]}"'
    response = get_conditional_response(request, etag=etag)
    if response is None:
        response = HttpResponse(body, content_type=content_type)
    response["ETag"] = etag
    patch_cache_control(response, public=True, max_age=settings.WELCOME_PRACTICES_API_MAX_AGE)
    if language:
        response["Content-Language"] = language
    # The answer depends on the URL alone: no Vary on the reader's cookie or Accept-Language.
    response.language_independent = True
    return response


def _error(status, message, **extra):
    response = JsonResponse({"error": message, **extra}, status=status)
    response.language_independent = True
    return response


@require_GET
def practice_list(request):
    code = request.GET.get("lang", registry.source().code)
    if not registry.is_active(code):
        return _error(
            400,
            _("Unknown language “%(code)s”.") % {"code": code[:12]},
            languages=registry.active_codes(),
        )
    try:
        number = int(request.GET.get("page", "1"))
    except ValueError:
        return _error(400, _("The page must be a whole number."))
    paginator = Paginator(serialise.public_practices(code), PAGE_SIZE)
    try:
        page = paginator.page(number)
    except EmptyPage:
        return _error(404, _("There is no page %(number)s.") % {"number": number})

    def page_url(n):
        return request.build_absolute_uri(f"{request.path}?lang={code}&page={n}")

    document = serialise.document(
        code,
        page.object_list,
        request.build_absolute_uri,
        paginator.count,
        serialise.pagination(number, paginator.count, PAGE_SIZE, page_url),
        request=request,
    )
    body = json.dumps(document, ensure_ascii=False, indent=None).encode("utf-8")
    return _cacheable(request, body, f"{JSON_CONTENT_TYPE}; charset=utf-8", language=code)


@require_GET
def schema(request):
    body = validation.SCHEMA_PATH.read_bytes()
    return _cacheable(request, body, "application/schema+json; charset=utf-8")


app_name = "practices_api"
urlpatterns = [
    path("", practice_list, name="list"),
    path("schema/", schema, name="schema"),
]
