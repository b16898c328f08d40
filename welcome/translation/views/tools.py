"""The translator's tools around the editor: live quality checks, translation memory in one
click, PO download and upload. Every view checks the user's language roles itself."""

from django import forms
from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import HttpResponse, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_POST
from wagtail.models import Locale, Page

from welcome.languages import registry as languages

from .. import memory, po, quality, roles, services
from ..models import TranslationRequest, Unit, UnitState
from . import editor


def _unit_for_translator(request, pk):
    unit = get_object_or_404(Unit.objects.select_related("locale"), pk=pk)
    if not roles.roles_for(request.user).can_translate(unit.locale.language_code):
        raise roles.PermissionDenied(_("You may not translate into this language."))
    return unit


def _findings_json(found):
    return [
        {
            **finding.as_dict(),
            "label": _("Must fix:") if finding.blocking else _("Check:"),
        }
        for finding in found
    ]


@require_POST
def check_unit(request, pk):
    """The quality findings for a text typed into the editor (nothing is saved)."""
    try:
        unit = _unit_for_translator(request, pk)
    except roles.PermissionDenied as error:
        return JsonResponse({"error": str(error)}, status=403)
    text = request.POST.get("text", "").replace("\r\n", "\n")
    return JsonResponse({"findings": _findings_json(quality.findings(unit, text))})


def _wants_json(request):
    return "application/json" in request.headers.get("Accept", "")


def _editor_url(unit):
    return reverse(
        "translation:editor",
        args=[unit.content_type_id, unit.translation_key, unit.locale.language_code],
    )


@require_POST
def apply_memory(request, pk):
    """Put a translation-memory match into a segment as a draft. With JavaScript: JSON. Without:
    the editor's form was posted, so its other changed segments are saved first, then the
    translator returns to the editor."""
    try:
        unit = _unit_for_translator(request, pk)
    except roles.PermissionDenied as error:
        if _wants_json(request):
            return JsonResponse({"error": str(error)}, status=403)
        return HttpResponseForbidden(str(error))
    try:
        match_id = int(request.POST.get("match", ""))
        version = int(request.POST.get("version", request.POST.get(f"version-{unit.pk}", "")))
    except ValueError:
        return JsonResponse({"error": _("The form was incomplete; reload the page.")}, status=400)
    if not _wants_json(request):
        target = editor.Target(
            request, unit.content_type_id, unit.translation_key, unit.locale.language_code
        )
        others = [u for u in target.units() if u.pk != unit.pk]
        editor._save_changed(request, target, others)
    try:
        stored = memory.apply_match(unit, match_id, version=version, user=request.user)
    except services.Conflict as conflict:
        error, status = str(conflict), 409
    except services.InvalidTranslation as invalid:
        error, status = str(invalid), 400
    else:
        if _wants_json(request):
            return JsonResponse(
                {
                    "text": stored.target_text,
                    "version": stored.version,
                    "label": stored.get_state_display(),
                    "findings": _findings_json(quality.findings(stored)),
                }
            )
        messages.success(request, _("The translation from memory was put in as a draft."))
        return redirect(_editor_url(unit) + f"#segment-{unit.pk}")
    if _wants_json(request):
        return JsonResponse({"error": error}, status=status)
    messages.error(request, error)
    return redirect(_editor_url(unit))


# --- PO files ----------------------------------------------------------------------------------


def _target_languages(user):
    user_roles = roles.roles_for(user)
    return [
        language
        for language in languages.active()
        if language.code != languages.source().code and user_roles.can_translate(language.code)
    ]


class ExportForm(forms.Form):
    language = forms.ChoiceField(label=gettext_lazy("Language"))
    page = forms.IntegerField(
        required=False,
        label=gettext_lazy("Danish page id"),
        help_text=gettext_lazy("Only this page (empty: everything in the language)."),
    )
    content_type = forms.IntegerField(required=False, widget=forms.HiddenInput)
    translation_key = forms.UUIDField(required=False, widget=forms.HiddenInput)
    subtree = forms.BooleanField(required=False, label=gettext_lazy("Include the pages below it"))
    queue = forms.BooleanField(
        required=False, label=gettext_lazy("Only what is requested in the queue")
    )
    states = forms.MultipleChoiceField(
        required=False,
        choices=UnitState.choices,
        widget=forms.CheckboxSelectMultiple,
        label=gettext_lazy("Only segments that are"),
        help_text=gettext_lazy("None ticked: every segment."),
    )

    def __init__(self, *args, user, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = [
            (language.code, f"{language.native_name} ({language.code})")
            for language in _target_languages(user)
        ]


def _export_units(form):
    locale = Locale.objects.get(language_code=form.cleaned_data["language"])
    pages, objects = [], []
    if form.cleaned_data.get("page"):
        pages = [get_object_or_404(Page, pk=form.cleaned_data["page"])]
    if form.cleaned_data.get("content_type") and form.cleaned_data.get("translation_key"):
        content_type = get_object_or_404(ContentType, pk=form.cleaned_data["content_type"])
        objects = [(content_type, form.cleaned_data["translation_key"])]
    if form.cleaned_data.get("queue"):
        objects += list(
            TranslationRequest.objects.open()
            .filter(locale=locale)
            .values_list("content_type_id", "translation_key")
        )
        if not objects:
            return locale, Unit.objects.none()
    units = po.select_units(
        locale,
        pages=pages,
        subtree=form.cleaned_data.get("subtree", False),
        objects=objects,
        states=form.cleaned_data.get("states") or None,
    )
    return locale, units


def po_export(request):
    """Download a PO file: one language, for one object or page subtree, or everything."""
    if not _target_languages(request.user):
        return HttpResponseForbidden(_("You do not translate into any language."))
    form = ExportForm(request.GET or None, user=request.user)
    if request.GET.get("language") and form.is_valid():
        locale, units = _export_units(form)
        data = po.export_po(locale, units)
        response = HttpResponse(data, content_type="text/x-gettext-translation; charset=utf-8")
        name = f"velkommen-{locale.language_code}.po"
        response["Content-Disposition"] = f'attachment; filename="{name}"'
        return response
    return TemplateResponse(
        request,
        "translation/po/export.html",
        {"form": form, "title": gettext_lazy("Download a PO file")},
        status=400 if request.GET.get("language") else 200,
    )


class ImportForm(forms.Form):
    file = forms.FileField(label=gettext_lazy("PO file (UTF-8)"))
    dry_run = forms.BooleanField(required=False, label=gettext_lazy("Check only, save nothing"))
    submit = forms.BooleanField(
        required=False, label=gettext_lazy("Send the imported segments to review")
    )


def po_import(request):
    """Upload a translated PO file; shows what was applied and what was not, and why."""
    if not _target_languages(request.user):
        return HttpResponseForbidden(_("You do not translate into any language."))
    form = ImportForm(request.POST or None, request.FILES or None)
    report = None
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        if upload.size > po.max_bytes():
            report = po.ImportReport(refused=[po.too_large_message()])
        else:
            report = po.import_po(
                upload.read(),
                user=request.user,
                dry_run=form.cleaned_data["dry_run"],
                submit=form.cleaned_data["submit"],
            )
    status = 400 if report is not None and not report.accepted else 200
    return TemplateResponse(
        request,
        "translation/po/import.html",
        {"form": form, "report": report, "title": gettext_lazy("Upload a PO file")},
        status=status,
    )
