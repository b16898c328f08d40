"""The queue (requests in my languages), the request form and the coverage report."""

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.core.paginator import Paginator
from django.http import HttpResponseForbidden
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from wagtail.models import Page

from welcome.languages import registry as languages

from .. import overview, registry, roles, services
from ..forms import RequestForm
from ..models import RequestStatus, TranslationRequest

OVERVIEW_PAGE_SIZE = 100


def queue(request):
    user_roles = roles.roles_for(request.user)
    if not user_roles.can_see_overview:
        return HttpResponseForbidden(_("You have no translation work."))
    requests = (
        TranslationRequest.objects.filter(locale__language_code__in=user_roles.languages)
        .select_related("locale", "assignee", "requested_by")
        .order_by("status", "-priority", "due", "created_at")
    )
    status = request.GET.get("status", RequestStatus.OPEN)
    if status in RequestStatus.values:
        requests = requests.filter(status=status)
    if request.GET.get("mine"):
        requests = requests.filter(assignee=request.user)
    code = request.GET.get("language")
    if code:
        requests = requests.filter(locale__language_code=code)
    page = Paginator(requests, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "translation/queue.html",
        {
            "page": page,
            "statuses": RequestStatus,
            "status": status,
            "languages": [languages.get(c) for c in sorted(user_roles.languages)],
            "language": code,
            "can_request": user_roles.can_request,
        },
    )


def _targets(request):
    """Objects named by ``target=<content type id>:<pk>`` (repeated) or ``page=<id>``."""
    found = []
    for page_id in request.GET.getlist("page") + request.POST.getlist("page"):
        if page_id.isdigit():
            page = Page.objects.filter(pk=page_id).first()
            if page is not None:
                found.append(page.specific)
    for value in request.GET.getlist("target") + request.POST.getlist("target"):
        type_id, _sep, pk = value.partition(":")
        if not (type_id.isdigit() and pk.isdigit()):
            continue
        try:
            model = ContentType.objects.get_for_id(int(type_id)).model_class()
        except ContentType.DoesNotExist:
            continue  # a crafted or stale address names nothing
        if model is None or not registry.is_translatable(model):
            continue
        obj = model.objects.filter(pk=pk).first()
        if obj is not None:
            found.append(registry.specific(obj))
    return [obj for obj in found if registry.is_translatable(type(obj)) and registry.is_source(obj)]


def request_translation(request):
    if not roles.roles_for(request.user).can_request:
        return HttpResponseForbidden(_("Only communication officers may request translations."))
    targets = _targets(request)
    form = RequestForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if not targets:
            messages.error(request, _("Choose something to translate."))
        else:
            return _create(request, form, targets)
    return TemplateResponse(request, "translation/request.html", {"form": form, "targets": targets})


def _create(request, form, targets):
    data = form.cleaned_data
    made = []
    try:
        for obj in targets:
            made += services.request_translation(
                obj,
                data["languages"],
                requested_by=request.user,
                assignee=data["assignee"],
                due=data["due"],
                priority=data["priority"],
                subtree=data["subtree"],
                note=data["note"],
                prefill=data.get("prefill", False),
            )
    except (ValueError, roles.PermissionDenied) as error:
        messages.error(request, str(error))
        return TemplateResponse(
            request, "translation/request.html", {"form": form, "targets": targets}, status=400
        )
    messages.success(
        request, _("%(count)d translation requests are in the queue.") % {"count": len(made)}
    )
    return redirect("translation:queue")


def report(request):
    user_roles = roles.roles_for(request.user)
    if not user_roles.can_see_overview:
        return HttpResponseForbidden(_("You have no translation work."))
    codes = [c for c in request.GET.getlist("language") if c in user_roles.languages] or sorted(
        user_roles.languages
    )
    state = request.GET.get("state") or None
    section = request.GET.get("section") or None
    kind = request.GET.get("kind") or None
    columns, rows = overview.build(codes=codes, state=state, section=section, kind=kind)
    page = Paginator(rows, OVERVIEW_PAGE_SIZE).get_page(request.GET.get("p"))
    overview.show(page.object_list)
    return TemplateResponse(
        request,
        "translation/overview.html",
        {
            "columns": [languages.get(code) for code in columns],
            "page": page,
            "states": overview.CellState.LABELS,
            "state": state,
            "section": section,
            "sections": sorted({row.section for row in rows if row.section}),
            "selected_languages": codes,
            "all_languages": [languages.get(c) for c in sorted(user_roles.languages)],
        },
    )
