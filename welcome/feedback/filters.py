import django_filters
from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.models import Page

from .models import Feedback, Kind, State
from .reports import language_name


def _languages(request):
    codes = Feedback.objects.order_by().values_list("language", flat=True).distinct()
    return sorted(((code, language_name(code)) for code in codes), key=lambda pair: pair[1])


def _pages(request):
    ids = Feedback.objects.exclude(page=None).order_by().values("page_id").distinct()
    return Page.objects.filter(pk__in=ids).order_by("title")


class InboxFilter(django_filters.FilterSet):
    language = django_filters.ChoiceFilter(label=_("Reader's language"), choices=[])
    page = django_filters.ModelChoiceFilter(label=_("Page"), queryset=_pages)
    kind = django_filters.ChoiceFilter(label=_("Type"), choices=Kind.choices)
    state = django_filters.ChoiceFilter(label=_("State"), choices=State.choices)
    mine = django_filters.BooleanFilter(
        label=_("Assigned to me"), method="filter_mine", widget=forms.CheckboxInput
    )

    class Meta:
        model = Feedback
        fields = ["language", "page", "kind", "state"]

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.filters["language"].extra["choices"] = _languages(self.request)

    def filter_mine(self, queryset, name, value):
        return queryset.filter(assignee=self.request.user) if value else queryset
