"""What a practice's page shows, and “we use this too”. Served through the page's routes."""

from babel.numbers import format_decimal
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseNotAllowed, HttpResponseRedirect
from django.utils import translation
from django.utils.translation import gettext as _

from welcome.languages import registry

from . import permissions, services
from .forms import AdoptionForm
from .models import Adoption, Challenge, Department, PracticePage


def related_practices(practice, user):
    """The related practices in the practice's language, where they exist and the reader may see
    them (related links point at one language version; the reader gets their own)."""
    keys = practice.related_links.values("practice__translation_key")
    return (
        PracticePage.objects.live()
        .visible_to(user)
        .filter(locale_id=practice.locale_id, translation_key__in=keys)
        .order_by("title")
    )


def fuller_version(practice):
    """Where only the title and summary are translated: the first fallback language version
    that has the full description, as ``(language, url)``; else ``None``."""
    if practice.what_was_done:
        return None
    code = practice.locale.language_code
    versions = {
        page.locale.language_code: page
        for page in PracticePage.objects.live()
        .filter(translation_key=practice.translation_key)
        .exclude(what_was_done="")
        .select_related("locale")
    }
    for candidate in registry.fallback_chain(code):
        if candidate in versions:
            return registry.get(candidate), versions[candidate].url
    return None


def adoption_departments(practice, user):
    """The departments ``user`` may record as using the practice (none for the public)."""
    if not permissions.is_staff(user):
        return Department.objects.none()
    taken = Adoption.objects.filter(practice_key=practice.translation_key).values("department_id")
    mine = (
        Department.objects.all()
        if permissions.is_library_editor(user)
        else Department.objects.for_user(user)
    )
    return mine.exclude(pk__in=taken).exclude(pk=practice.department_id)


def facts(practice):
    """The practice's classification, evaluated here so the template runs no queries."""
    locale = translation.to_locale(translation.get_language() or registry.source().code)
    return {
        "cost": format_decimal(practice.cost_dkk, locale=locale) if practice.cost_dkk else "",
        "departments": list(practice.departments.all()),
        "focus_areas": list(practice.focus_areas.all()),
        "goals": list(practice.goals.all()),
        "channels": list(practice.channels.all()),
        "target_groups": list(practice.target_groups.all()),
        "languages": list(practice.languages.all()),
        "attachments": list(practice.attachments.select_related("document")),
    }


def practice_context(practice, request, form=None):
    user = request.user
    staff = permissions.is_staff(user)
    departments = adoption_departments(practice, user)
    if form is None and departments.exists():
        form = AdoptionForm(departments=departments)
    challenges = (
        Challenge.objects.filter(practice_links__practice__translation_key=practice.translation_key)
        .distinct()
        .order_by("title")
    )
    return {
        "is_staff": staff,
        "library_url": practice.get_parent().url,
        "facts": facts(practice),
        "related_practices": list(related_practices(practice, user)),
        "fuller_version": fuller_version(practice),
        "adoptions": list(
            Adoption.objects.filter(practice_key=practice.translation_key).select_related(
                "department"
            )
        ),
        "adoption_form": form,
        "challenges": list(challenges) if staff else [],
        # The challenge register is kept in the source language.
        "register_language": registry.source(),
    }


def adopt(practice, request):
    """Record that a department uses the practice too (POST from the practice's page)."""
    if request.method != "POST":
        return HttpResponseNotAllowed(["POST"])
    if not permissions.is_staff(request.user):
        raise PermissionDenied
    departments = adoption_departments(practice, request.user)
    form = AdoptionForm(request.POST, departments=departments)
    if not form.is_valid():
        context = practice_context(practice, request, form=form)
        response = practice.render(request, context_overrides=context)
        response.status_code = 400
        return response
    try:
        services.record_adoption(
            practice, form.cleaned_data["department"], request.user, form.cleaned_data["note"]
        )
    except services.AdoptionRefused as refusal:
        messages.error(request, str(refusal))
    else:
        messages.success(
            request,
            _("Thank you: %(department)s is now listed as using this practice.")
            % {"department": form.cleaned_data["department"]},
        )
    return HttpResponseRedirect(practice.url)
