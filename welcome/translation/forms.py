from django import forms
from django.contrib.auth import get_user_model
from django.utils.translation import gettext_lazy as _
from wagtail.admin.widgets import AdminDateInput

from welcome.languages import registry as languages

from . import roles
from .models import Priority


def target_language_choices():
    source = languages.source().code
    return [
        (lang.code, f"{lang.english_name} ({lang.native_name})")
        for lang in languages.active()
        if lang.code != source
    ]


def translator_choices():
    names = [roles.translators_group_name(language) for language in languages.active()] + [
        roles.reviewers_group_name(language) for language in languages.active()
    ]
    return get_user_model().objects.filter(groups__name__in=names, is_active=True).distinct()


class RequestForm(forms.Form):
    languages = forms.MultipleChoiceField(
        label=_("Languages"),
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Every language to translate into."),
    )
    subtree = forms.BooleanField(
        label=_("Include the pages below"),
        required=False,
        help_text=_("Request every page under the chosen pages too."),
    )
    assignee = forms.ModelChoiceField(
        label=_("Assignee"),
        queryset=get_user_model().objects.none(),
        required=False,
        help_text=_("The translator who does the work (empty: anyone in the language's team)."),
    )
    due = forms.DateField(
        label=_("Due date"), required=False, widget=AdminDateInput, help_text=_("Optional.")
    )
    priority = forms.TypedChoiceField(
        label=_("Priority"), choices=Priority.choices, coerce=int, initial=Priority.NORMAL
    )
    note = forms.CharField(
        label=_("Note"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
    prefill = forms.BooleanField(
        label=_("Pre-fill from translation memory"),
        required=False,
        initial=True,
        help_text=_("Segments already translated and approved elsewhere start as drafts."),
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["languages"].choices = target_language_choices()
        self.fields["assignee"].queryset = translator_choices()
