"""The leaflet's print view and PDF, served by LeafletPage's routes (``print/``, ``pdf/``).

Both are rendered in the leaflet's own language, whatever the reader's interface language: the
printed sheet is one document. A PDF is cached per published revision, options and host.
"""

from django.core.cache import cache
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.utils import translation

from . import pdf
from .printing import PrintOptions, print_context

PRINT_TEMPLATE = "print/leaflet.html"
PDF_CACHE_SECONDS = 24 * 60 * 60


def _print_context(page, request, options):
    context = page.get_context(request)
    context.update(print_context(page, request, options))
    context["pdf_url"] += context["options"].query_string
    return context


def print_view(page, request):
    options = PrintOptions.from_query(request.GET)
    with translation.override(page.locale.language_code):
        response = TemplateResponse(request, PRINT_TEMPLATE, _print_context(page, request, options))
        response.render()
    return response


def pdf_unavailable(page, request, options):
    """503 in the reader's language: why there is no PDF, how to install what is missing, and
    the print view, which works without it."""
    context = page.get_context(request)
    context["print_url"] += options.query_string
    context["install_command"] = pdf.INSTALL_COMMAND
    response = TemplateResponse(request, "leaflets/pdf_unavailable.html", context, status=503)
    response.headers["Retry-After"] = "3600"
    return response


def _cache_key(page, request, options):
    """The PDF's cache key: the published revisions it shows, its options and the host (the QR
    code holds an absolute address). Known before anything is rendered."""
    companion = page.source_companion() if options.bilingual else None
    if companion is None:
        options = options.without_companion()
    parts = (
        "leaflet-pdf",
        page.pk,
        page.live_revision_id,
        companion.live_revision_id if companion else "-",
        options.size,
        options.bilingual,
        request.get_host(),
    )
    return ":".join(str(part) for part in parts)


def pdf_view(page, request):
    options = PrintOptions.from_query(request.GET)
    if not pdf.is_available():
        return pdf_unavailable(page, request, options)
    key = _cache_key(page, request, options)
    body = cache.get(key)
    if body is None:
        with translation.override(page.locale.language_code):
            context = _print_context(page, request, options)
            context["for_pdf"] = True
            html = TemplateResponse(request, PRINT_TEMPLATE, context).render().rendered_content
        body = pdf.render_pdf(html, base_url=request.build_absolute_uri("/"))
        cache.set(key, body, PDF_CACHE_SECONDS)
    response = HttpResponse(body, content_type="application/pdf")
    filename = f"{page.slug}-{page.locale.language_code}.pdf"
    response.headers["Content-Disposition"] = f'inline; filename="{filename}"'
    return response
