from django import template
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from ..forms import FeedbackForm
from ..models import TRANSLATION_PROBLEM_KINDS, Kind

register = template.Library()

# The answers to "Was this page helpful?" read as plain yes / no on the page.
HELPFULNESS = ((Kind.HELPFUL, _("Yes")), (Kind.NOT_HELPFUL, _("No")))


def form_context(form, page):
    """What ``components/feedback_form.html`` shows for a form sent back with errors (``form`` is
    bound) or for a new one (``form`` is ``None``): the same for every reader of a language, so the
    page around it can be cached (no token, no reader data)."""
    chosen = form["kind"].value() if form is not None else None

    def options(pairs):
        return [{"value": kind.value, "label": label, "checked": kind.value == chosen}
                for kind, label in pairs]  # fmt: skip

    problem_open = chosen in TRANSLATION_PROBLEM_KINDS
    # A bound form's comment (and its error) goes back into the form it came from.
    empty = {"value": "", "errors": []}
    sent = (
        {"value": form["comment"].value() or "", "errors": form["comment"].errors}
        if form is not None
        else empty
    )
    return {
        # Labels, help and limits from the field definitions: a new form needs no form object
        # (building one copies every field, on every page view).
        "fields": FeedbackForm.base_fields,
        "kind_errors": form["kind"].errors if form is not None else [],
        "feedback_page": page,
        "action": reverse("feedback:submit"),
        "helpfulness": options(HELPFULNESS),
        "problems": options((kind, kind.label) for kind in TRANSLATION_PROBLEM_KINDS),
        "problem_open": problem_open,
        "helpful_comment": empty if problem_open else sent,
        "problem_comment": sent if problem_open else empty,
    }


@register.inclusion_tag("components/feedback_form.html", takes_context=True)
def feedback_form(context):
    """The feedback form for the page being shown; nothing on views that are not pages."""
    page = context.get("page")
    if not isinstance(page, Page) or not page.pk:
        return {"feedback_page": None}
    return form_context(None, page)
