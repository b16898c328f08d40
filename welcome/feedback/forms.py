from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .models import HELPFULNESS_KINDS, TRANSLATION_PROBLEM_KINDS

NOT_ACCEPTED = _("This page does not take feedback.")


def public_page(page_id):
    """The live, unrestricted page ``page_id``, or ``None``: drafts, private pages and the tree's
    root are refused alike, so the answer says nothing about them."""
    return (
        Page.objects.live()
        .public()
        .filter(pk=page_id, depth__gt=1)
        .select_related("locale")
        .first()
    )


class FeedbackForm(forms.Form):
    """The reader's side. ``website`` is a honeypot: hidden from people, filled in by bots."""

    page = forms.IntegerField(widget=forms.HiddenInput, error_messages={"invalid": NOT_ACCEPTED})
    kind = forms.ChoiceField(
        choices=[
            (kind.value, kind.label) for kind in (*HELPFULNESS_KINDS, *TRANSLATION_PROBLEM_KINDS)
        ],
        widget=forms.RadioSelect,
        error_messages={"required": _("Choose an answer.")},
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        max_length=settings.WELCOME_FEEDBACK_COMMENT_MAX_LENGTH,
        widget=forms.Textarea(attrs={"rows": 4}),
        help_text=_("Do not write your name, address or CPR number."),
    )
    website = forms.CharField(required=False, label=_("Leave this field empty"))

    def clean_page(self):
        page = public_page(self.cleaned_data["page"])
        if page is None:
            raise ValidationError(NOT_ACCEPTED, code="not_accepted")
        return page

    @property
    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    @property
    def page_refused(self):
        return "page" in self.errors


class AssignForm(forms.Form):
    """Assign to an officer who may work on feedback (superusers and holders of the change
    permission, directly or through a group)."""

    assignee = forms.ModelChoiceField(
        queryset=None, required=False, label=_("Assign to"), empty_label=_("Nobody")
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        from django.contrib.auth import get_user_model

        may_change = {"codename": "change_feedback", "content_type__app_label": "feedback"}
        self.fields["assignee"].queryset = (
            get_user_model()
            .objects.filter(is_active=True)
            .filter(
                Q(is_superuser=True)
                | Q(**{f"groups__permissions__{k}": v for k, v in may_change.items()})
                | Q(**{f"user_permissions__{k}": v for k, v in may_change.items()})
            )
            .distinct()
            .order_by("username")
        )


class TranslationRequestForm(forms.Form):
    """Ask the reader's language's translators to look at the page again."""

    assignee = forms.ModelChoiceField(
        queryset=None,
        required=False,
        label=_("Translator"),
        empty_label=_("Anyone in the language's team"),
    )
    due = forms.DateField(
        required=False, label=_("Needed by"), widget=forms.DateInput(attrs={"type": "date"})
    )

    def __init__(self, *args, language, **kwargs):
        super().__init__(*args, **kwargs)
        from .services import translators_for

        self.fields["assignee"].queryset = translators_for(language)
