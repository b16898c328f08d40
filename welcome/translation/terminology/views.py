"""The terminology in the admin: a grid (one row per concept, a column per active language) and
CSV export and import. Every view checks the model permissions itself."""

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.core.paginator import Paginator
from django.db import transaction
from django.db.models import Q
from django.forms import modelformset_factory
from django.http import HttpResponse
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from welcome.languages import registry

from . import spreadsheet
from .models import Concept

GRID_PAGE_SIZE = 50


def _require(request, action):
    if not request.user.has_perm(f"terminology.{action}_concept"):
        raise PermissionDenied


def grid_fields():
    codes = registry.active_codes()
    return ["slug", "do_not_translate", *(f"term_{code}" for code in codes)]


def grid_formset_class():
    widgets = {}
    for language in registry.active():
        widgets[f"term_{language.code}"] = forms.TextInput(
            attrs={"lang": language.code, "dir": language.direction, "size": 18}
        )
    widgets["slug"] = forms.TextInput(attrs={"size": 16})
    return modelformset_factory(
        Concept, fields=grid_fields(), widgets=widgets, extra=3, can_delete=False
    )


def _grid_queryset(query):
    concepts = Concept.objects.order_by("slug")
    if query:
        condition = Q(slug__icontains=query)
        for code in registry.active_codes():
            condition |= Q(**{f"term_{code}__icontains": query})
        concepts = concepts.filter(condition)
    return concepts


def grid(request):
    """Edit many concepts at once; a page of the grid is saved in one transaction."""
    _require(request, "change")
    query = request.GET.get("q", "").strip()
    paginator = Paginator(_grid_queryset(query), GRID_PAGE_SIZE)
    page = paginator.get_page(request.GET.get("p"))
    queryset = Concept.objects.filter(pk__in=[concept.pk for concept in page.object_list])
    Formset = grid_formset_class()
    if request.method == "POST":
        formset = Formset(request.POST, queryset=queryset.order_by("slug"))
        if formset.is_valid():
            with transaction.atomic():
                for form in formset.forms:
                    if form.has_changed():
                        form.save()
            messages.success(request, _("Terminology saved."))
            return redirect(request.get_full_path())
        messages.error(request, _("The grid could not be saved; see the rows marked below."))
    else:
        formset = Formset(queryset=queryset.order_by("slug"))
    return TemplateResponse(
        request,
        "terminology/admin/grid.html",
        {
            "formset": formset,
            "languages": registry.active(),
            "page": page,
            "query": query,
            "title": gettext_lazy("Terminology"),
        },
    )


def export_csv(request):
    _require(request, "view")
    response = HttpResponse(
        spreadsheet.export_csv().encode("utf-8"), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="terminology.csv"'
    return response


class CsvUploadForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("CSV file (UTF-8)"))


def import_csv(request):
    _require(request, "change")
    _require(request, "add")
    form = CsvUploadForm(request.POST or None, request.FILES or None)
    problems = []
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > spreadsheet.MAX_BYTES:
            problems = [
                _("The file is larger than %(limit)d bytes.") % {"limit": spreadsheet.MAX_BYTES}
            ]
        else:
            try:
                result = spreadsheet.import_csv(upload.read())
            except spreadsheet.SpreadsheetError as error:
                problems = error.problems
            else:
                messages.success(
                    request,
                    _("Imported: %(created)d new, %(updated)d changed, %(unchanged)d unchanged.")
                    % {
                        "created": len(result.created),
                        "updated": len(result.updated),
                        "unchanged": len(result.unchanged),
                    },
                )
                return redirect("terminology_grid")
    return TemplateResponse(
        request,
        "terminology/admin/import.html",
        {"form": form, "problems": problems, "title": gettext_lazy("Import terminology")},
        status=400 if problems else 200,
    )
