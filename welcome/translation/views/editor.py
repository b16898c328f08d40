"""The side-by-side editor: every segment of one object in one language, source beside target.

Works without JavaScript (one form; every changed segment is saved on any submit, each at the
version it was loaded with) and with a little (``editor.js``: Tab to the next segment, live save
of one segment through ``save_unit``). A stale version is a conflict: that segment is not saved,
the editor shows both texts and keeps the translator's in the field; other segments are saved.
"""

from dataclasses import dataclass, field

from django.contrib import messages
from django.contrib.contenttypes.models import ContentType
from django.http import Http404, HttpResponseForbidden, JsonResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils import translation
from django.utils.html import format_html
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from wagtail.models import Locale

from welcome.languages import registry as languages

from .. import apply, facts, quality, registry, roles, services
from ..diff import word_diff
from ..models import TranslationRequest, Unit, UnitState


@dataclass
class Row:
    unit: Unit
    text: str
    conflict: Unit | None = None
    error: str = ""
    diff: list = field(default_factory=list)
    critical_kinds: list = field(default_factory=list)
    state_label: str = ""
    number: str = ""
    ident: str = ""
    version: str = ""


class Target:
    """The object and language an editor URL names, after the permission check."""

    def __init__(self, request, content_type_id, translation_key, code):
        if not languages.is_supported(code) or code == languages.source().code:
            raise Http404
        self.user_roles = roles.roles_for(request.user)
        self.code = code
        if not (self.user_roles.can_translate(code) or self.user_roles.can_request):
            raise roles.PermissionDenied(_("You may not translate into this language."))
        self.locale = get_object_or_404(Locale, language_code=code)
        self.content_type_id = content_type_id
        self.translation_key = translation_key
        content_type = get_object_or_404(ContentType, pk=content_type_id)
        model = content_type.model_class()
        if model is None or not registry.is_translatable(model):
            raise Http404
        try:
            self.source = registry.source_object(content_type, translation_key)
        except model.DoesNotExist as error:
            raise Http404 from error
        self.language = languages.get(code)
        self.can_edit = self.user_roles.can_translate(code)
        self.can_review = self.user_roles.can_review(code)

    @property
    def url(self):
        return reverse(
            "translation:editor", args=[self.content_type_id, self.translation_key, self.code]
        )

    def units(self):
        return list(services.units_for(self.source, self.locale).select_related("locale"))


def _rows(units, posted=None, conflicts=None, errors=None):
    posted, conflicts, errors = posted or {}, conflicts or {}, errors or {}
    rows = []
    labels = dict(UnitState.choices)
    for number, unit in enumerate(units, 1):
        row = Row(unit, posted.get(unit.pk, unit.target_text or unit.previous_target))
        row.state_label = labels[unit.state]
        # Strings, not numbers: the template would localise every number it prints.
        row.number, row.ident, row.version = str(number), str(unit.pk), str(unit.version)
        row.conflict = conflicts.get(unit.pk)
        row.error = errors.get(unit.pk, "")
        if unit.state == UnitState.OUTDATED:
            row.diff = word_diff(unit.previous_source, unit.source_text)
            row.critical_kinds = facts.kind_labels(
                facts.changed_kinds(unit.previous_source, unit.source_text)
            )
        rows.append(row)
    return rows


def _render(request, target, rows, status=200):
    quality.annotate(rows, target.code)  # terms, QA findings, translation-memory suggestions
    units = [row.unit for row in rows]
    counts = dict.fromkeys(UnitState.values, 0)
    for unit in units:
        counts[unit.state] += 1
    done = counts[UnitState.APPROVED]
    language = target.language
    context = {
        "labels": {
            "changed": _("Changed in Danish:"),
            "last_approved": _("Last approved:"),
            "segment": _("Segment"),
            "critical": _("Critical"),
            "must_fix": _("Must fix:"),
            "check": _("Check:"),
            "conflict": _(
                "Someone else saved this segment in the meantime. Their text is below; yours is "
                "kept in the field. Save again to replace theirs."
            ),
        },
        "target_attrs": format_html(' lang="{}" dir="{}"', language.code, language.direction),
        "target": target,
        "source": target.source,
        "language": target.language,
        "source_language": languages.source(),
        "rows": rows,
        "counts": counts,
        "percent": round(100 * done / len(units)) if units else 100,
        "states": UnitState,
        "requests": TranslationRequest.objects.open()
        .filter(
            content_type_id=target.content_type_id,
            translation_key=target.translation_key,
            locale=target.locale,
        )
        .select_related("assignee"),
        "can_apply": units and done == len(units) and target.can_edit,
    }
    return TemplateResponse(request, "translation/editor.html", context, status=status)


def _denied(error):
    return HttpResponseForbidden(str(error))


def editor(request, content_type_id, translation_key, code):
    try:
        target = Target(request, content_type_id, translation_key, code)
    except roles.PermissionDenied as error:
        return _denied(error)
    if request.method == "POST":
        return _post(request, target)
    return _render(request, target, _rows(target.units()))


def _save_changed(request, target, units):
    """Save every posted text that differs from the stored one; returns (posted, conflicts,
    errors, saved)."""
    posted, conflicts, errors, saved = {}, {}, {}, 0
    for unit in units:
        text = request.POST.get(f"text-{unit.pk}")
        if text is None:
            continue
        text = text.replace("\r\n", "\n")
        posted[unit.pk] = text
        if text == unit.target_text:
            continue
        try:
            version = int(request.POST.get(f"version-{unit.pk}", ""))
        except ValueError:
            errors[unit.pk] = _("The form was incomplete; reload the page.")
            continue
        try:
            services.save_unit(unit, text, version=version, user=request.user)
            saved += 1
        except services.Conflict as conflict:
            conflicts[unit.pk] = conflict.unit
        except services.InvalidTranslation as error:
            errors[unit.pk] = str(error)
    return posted, conflicts, errors, saved


def _selected(request, units):
    chosen = set(request.POST.getlist("select"))
    result = []
    for unit in units:
        if str(unit.pk) in chosen:
            try:
                unit.version = int(request.POST.get(f"version-{unit.pk}", ""))
            except ValueError:
                continue
            result.append(unit)
    return result


def _post(request, target):
    action = request.POST.get("action", "save")
    if not target.can_edit or (action in ("approve", "approve_all") and not target.can_review):
        return _denied(_("You may not change translations in this language."))
    if action == "apply":
        return _apply(request, target)
    units = target.units()
    posted, conflicts, errors, saved = _save_changed(request, target, units)
    fresh = target.units()
    changed = 0
    if action == "submit":
        chosen = _selected(request, fresh) or fresh
        changed = services.submit_for_review(chosen, user=request.user)
    try:  # approval refuses a translation that fails a blocking quality check
        if action == "approve":
            changed = services.approve(_selected(request, fresh), user=request.user)
        elif action == "approve_all":
            changed = services.approve(
                [u for u in fresh if u.state == UnitState.REVIEW], user=request.user
            )
    except services.InvalidTranslation as error:
        messages.error(request, str(error))
        return redirect(target.url)
    if conflicts or errors:
        messages.error(
            request,
            _("%(saved)d segments saved; %(problems)d need your attention (marked below).")
            % {"saved": saved, "problems": len(conflicts) + len(errors)},
        )
        rows = _rows(target.units(), posted, conflicts, errors)
        return _render(request, target, rows, status=409 if conflicts else 400)
    messages.success(
        request,
        _("%(saved)d segments saved, %(changed)d changed state.")
        % {"saved": saved, "changed": changed},
    )
    return redirect(target.url)


def _apply(request, target):
    try:
        _obj, published = services.apply_translation(
            target.source, target.locale, user=request.user
        )
    except services.TranslationIncomplete as error:
        messages.error(request, str(error))
        return redirect(target.url)
    except (ValueError, roles.PermissionDenied) as error:
        messages.error(request, str(error))
        return redirect(target.url)
    if published:
        messages.success(request, _("The translation is published."))
    else:
        messages.success(request, _("The translation was sent to the language's reviewers."))
    return redirect(target.url)


@require_POST
def save_unit(request, pk):
    """One segment, for the editor's live save: JSON in, JSON out."""
    unit = get_object_or_404(Unit.objects.select_related("locale"), pk=pk)
    if not roles.roles_for(request.user).can_translate(unit.locale.language_code):
        return JsonResponse({"error": _("You may not translate into this language.")}, status=403)
    try:
        version = int(request.POST.get("version", ""))
    except ValueError:
        return JsonResponse({"error": _("The form was incomplete; reload the page.")}, status=400)
    try:
        stored = services.save_unit(
            unit, request.POST.get("text", ""), version=version, user=request.user
        )
    except services.Conflict as conflict:
        return JsonResponse(
            {
                "error": str(conflict),
                "text": conflict.unit.target_text,
                "version": conflict.unit.version,
            },
            status=409,
        )
    except services.InvalidTranslation as error:
        return JsonResponse({"error": str(error)}, status=400)
    return JsonResponse(
        {"version": stored.version, "state": stored.state, "label": stored.get_state_display()}
    )


def preview(request, content_type_id, translation_key, code):
    """The target object as it would look with the current translations (drafts included)."""
    try:
        target = Target(request, content_type_id, translation_key, code)
    except roles.PermissionDenied as error:
        return _denied(error)
    texts = {u.key: u.target_text for u in target.units() if u.target_text.strip()}
    obj = apply.build(target.source, target.locale, texts)
    with translation.override(code):
        return obj.make_preview_request(request, obj.default_preview_mode)
