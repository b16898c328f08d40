"""The officers' side in the Wagtail admin: the feedback inbox and its actions, and the report
"Where readers miss their language" (with CSV export). Thin views: the work is in ``services``
and ``reports``."""

import csv

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST

from welcome.languages import registry

from . import reports, services
from .charts import Bar, bar_chart
from .filters import InboxFilter
from .forms import AssignForm, TranslationRequestForm
from .models import Feedback

VIEW = "feedback.view_feedback"
CHANGE = "feedback.change_feedback"
REPORT_PERIODS = (7, 30, 90, 365)


def _require(request, permission):
    if not request.user.has_perm(permission):
        raise PermissionDenied


def inbox(request):
    _require(request, VIEW)
    queryset = Feedback.objects.select_related("page", "assignee")
    filters = InboxFilter(request.GET or None, queryset=queryset, request=request)
    items = filters.qs if filters.is_bound and filters.is_valid() else queryset.open()
    page = Paginator(items, 50).get_page(request.GET.get("p"))
    return TemplateResponse(
        request,
        "feedback/admin/inbox.html",
        {
            "page_title": _("Reader feedback"),
            "header_icon": "comment",
            "filters": filters,
            "items": page,
            "query": _query_without_page(request),
        },
    )


def _query_without_page(request):
    query = request.GET.copy()
    query.pop("p", None)
    return query.urlencode()


def detail(request, pk):
    _require(request, VIEW)
    feedback = get_object_or_404(
        Feedback.objects.select_related("page", "assignee", "translation_request__locale"), pk=pk
    )
    return TemplateResponse(
        request,
        "feedback/admin/detail.html",
        {
            "page_title": _("Reader feedback"),
            "header_icon": "comment",
            "feedback": feedback,
            "language_label": reports.language_name(feedback.language),
            "assign_form": AssignForm(initial={"assignee": feedback.assignee_id}),
            "may_change": request.user.has_perm(CHANGE),
            "may_make_challenge": request.user.has_perm("practices.add_challenge"),
            "may_request_translation": _may_request_translation(request.user, feedback),
            "translation_form": TranslationRequestForm(language=feedback.language),
            "editor_url": _editor_url(feedback.translation_request),
        },
    )


@require_POST
def assign(request, pk):
    _require(request, CHANGE)
    feedback = get_object_or_404(Feedback, pk=pk)
    form = AssignForm(request.POST)
    if form.is_valid():
        services.assign(feedback, form.cleaned_data["assignee"])
        messages.success(request, _("Assignment saved."))
    else:
        messages.error(request, _("Choose someone from the list."))
    return redirect("feedback_admin:detail", pk=pk)


@require_POST
def mark_handled(request, pk):
    _require(request, CHANGE)
    feedback = get_object_or_404(Feedback, pk=pk)
    handled = request.POST.get("handled", "1") == "1"
    services.mark_handled(feedback, handled)
    messages.success(request, _("Marked as handled.") if handled else _("Opened again."))
    return redirect("feedback_admin:detail", pk=pk)


@require_POST
def make_challenge(request, pk):
    _require(request, CHANGE)
    _require(request, "practices.add_challenge")
    feedback = get_object_or_404(Feedback, pk=pk)
    try:
        challenge = services.turn_into_challenge(feedback, title=request.POST.get("title", ""))
    except services.FeedbackError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request, _("Communication challenge “%(title)s” created.") % {"title": challenge}
        )
    return redirect("feedback_admin:detail", pk=pk)


def _may_request_translation(user, feedback):
    from welcome.translation.roles import roles_for

    return (
        roles_for(user).can_request
        and feedback.page_id is not None
        and feedback.language != settings.WELCOME_SOURCE_LANGUAGE
        and registry.is_active(feedback.language)
        and not feedback.translation_request_id
    )


def _editor_url(translation_request):
    if translation_request is None:
        return ""
    return reverse(
        "translation:editor",
        args=[
            translation_request.content_type_id,
            translation_request.translation_key,
            translation_request.locale.language_code,
        ],
    )


@require_POST
def make_translation_request(request, pk):
    _require(request, CHANGE)
    feedback = get_object_or_404(Feedback.objects.select_related("page"), pk=pk)
    form = TranslationRequestForm(request.POST, language=feedback.language)
    if not form.is_valid():
        messages.error(request, _("Choose a translator of this language, or nobody."))
        return redirect("feedback_admin:detail", pk=pk)
    try:
        made = services.turn_into_translation_request(
            feedback,
            user=request.user,
            assignee=form.cleaned_data["assignee"],
            due=form.cleaned_data["due"],
        )
    except services.FeedbackError as error:
        messages.error(request, str(error))
    else:
        messages.success(
            request,
            _("Translation request made in the %(language)s queue.")
            % {"language": reports.language_name(made.locale.language_code)},
        )
    return redirect("feedback_admin:detail", pk=pk)


# --- where readers miss their language --------------------------------------------------------


def _days(request):
    try:
        days = int(request.GET.get("days", 30))
    except ValueError:
        days = 30
    return days if days in REPORT_PERIODS else 30


def demand_report(request):
    _require(request, VIEW)
    days = _days(request)
    start, end = reports.period(days)
    rows = reports.missed_ranking(start, end)
    if request.GET.get("format") == "csv":
        return _csv(rows, start, end)
    top = rows[:15]
    chart = bar_chart(
        "missed-chart",
        _("Most missed (page, language) pairs"),
        _(
            "Bar length is the number of readers who wanted the page in that language and got "
            "another; the same figures are in the table below."
        ),
        [Bar(f"{row.title} – {row.language_label}", row.missed, str(row.missed)) for row in top],
    )
    languages = reports.missed_by_language(start, end)
    language_chart = bar_chart(
        "missed-languages-chart",
        _("Missed demand by language"),
        _(
            "Readers who wanted a language a page did not exist in; the table below has the "
            "same figures."
        ),
        [Bar(reports.language_name(code), total, str(total)) for code, total in languages],
    )
    return TemplateResponse(
        request,
        "feedback/admin/demand_report.html",
        {
            "page_title": _("Where readers miss their language"),
            "header_icon": "site",
            "rows": rows,
            "chart": chart,
            "languages": [(code, reports.language_name(code), n) for code, n in languages],
            "language_chart": language_chart,
            "scans": [
                (code, reports.language_name(code), n)
                for code, n in reports.sign_scans_by_language(start, end)
            ],
            "days": days,
            "periods": REPORT_PERIODS,
            "start": start,
            "end": end,
        },
    )


CSV_HEADER = (
    gettext_lazy("Page"),
    gettext_lazy("Page id"),
    gettext_lazy("Language code"),
    gettext_lazy("Language"),
    gettext_lazy("Missed"),
    gettext_lazy("From the picker"),
    gettext_lazy("Remembered choice"),
    gettext_lazy("Browser language"),
    gettext_lazy("Address"),
    gettext_lazy("Page views (all languages)"),
    gettext_lazy("Sign scans"),
)


def _csv(rows, start, end):
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = (
        f'attachment; filename="missed-languages-{start.isoformat()}-{end.isoformat()}.csv"'
    )
    response.write("\ufeff")  # so that spreadsheet programs read UTF-8 (Arabic titles)
    writer = csv.writer(response)
    writer.writerow([str(heading) for heading in CSV_HEADER])
    for row in rows:
        writer.writerow(
            [
                _spreadsheet_safe(row.title),
                row.page_id or "",
                row.language,
                row.language_label,
                row.missed,
                row.picker,
                row.cookie,
                row.header,
                row.address,
                row.page_views,
                row.sign_scans,
            ]
        )
    return response


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")  # OWASP's list: tab and CR start one too


def _spreadsheet_safe(text):
    """A title starting a formula would run as one in a spreadsheet: quote it."""
    return f"'{text}" if text[:1] in FORMULA_STARTS else text
