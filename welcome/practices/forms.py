from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms import WagtailAdminPageForm

from . import permissions
from .models.taxonomy import Department


class PracticePageForm(WagtailAdminPageForm):
    """Department staff file practices under their own department only; the library's editors may
    choose any department (or none, for another city's practice)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        user = self.for_user
        field = self.fields.get("department")
        if field is not None and user is not None and not permissions.is_library_editor(user):
            field.queryset = Department.objects.for_user(user)
            field.required = True
            field.empty_label = None
            if not self.instance.department_id and field.queryset:
                self.initial.setdefault("department", field.queryset[0].pk)

    def clean(self):
        cleaned = super().clean()
        department = cleaned.get("department")
        involved = cleaned.get("departments")
        if department is not None and involved is not None and department not in involved:
            cleaned["departments"] = [*involved, department]
        return cleaned


class AdoptionForm(forms.Form):
    """“We use this too”, on a practice's page, for staff of the departments that may say so."""

    department = forms.ModelChoiceField(
        queryset=Department.objects.none(),
        label=_("Department"),
        empty_label=None,
        help_text=_("The department that uses this practice too."),
    )
    note = forms.CharField(
        label=_("How you use it (optional)"),
        required=False,
        max_length=1000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("For instance what you changed, or what came of it. Seen by staff only."),
    )

    def __init__(self, *args, departments, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["department"].queryset = departments
