"""The library's reference data, challenge register and adoptions in the admin. Thin: each viewset
only says what to list, filter and edit."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _
from modeltranslation.translator import translator
from wagtail.admin.panels import FieldPanel, MultiFieldPanel, ObjectList
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet, SnippetViewSetGroup

from welcome.languages.info import describe

from .models import (
    Adoption,
    Challenge,
    Channel,
    Department,
    FocusArea,
    Goal,
    TargetGroup,
    UsedLanguage,
)


def label_panels(model):
    """One input per language for each translated field, in the configured language order, each
    marked with its language and direction so right-to-left labels are typed right to left."""
    order = {code: position for position, code in enumerate(settings.MODELTRANSLATION_LANGUAGES)}
    options = translator.get_options_for_model(model)
    groups = []
    for name in options.fields:
        inputs = []
        for field in sorted(options.all_fields[name], key=lambda f: order[f.language]):
            language = describe(field.language)
            inputs.append(
                FieldPanel(
                    field.name,
                    heading=f"{language.native_name} ({field.language})",
                    widget=forms.TextInput(
                        attrs={"lang": field.language, "dir": language.direction}
                    ),
                )
            )
        groups.append(MultiFieldPanel(inputs, heading=_("Label in every language")))
    return groups


class TaxonomyViewSet(SnippetViewSet):
    list_display = ["name", "slug"]
    ordering = ["sort_order", "slug"]
    extra_panels = []
    # Search every language's label (name_da, name_ar, ...), not only the admin's own language,
    # in the database: the seeded rows need no search index.
    search_fields = ["slug", *(f"name_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)]
    search_backend_name = None

    def get_edit_handler(self):
        panels = [
            FieldPanel("slug"),
            *label_panels(self.model),
            *self.extra_panels,
            FieldPanel("sort_order"),
        ]
        return ObjectList(panels).bind_to_model(self.model)


class DepartmentViewSet(TaxonomyViewSet):
    model = Department
    icon = "group"
    list_display = ["name", "abbreviation", "slug", "group"]
    extra_panels = [FieldPanel("abbreviation"), FieldPanel("group")]


class FocusAreaViewSet(TaxonomyViewSet):
    model = FocusArea
    icon = "crosshairs"


class GoalViewSet(TaxonomyViewSet):
    model = Goal
    icon = "success"
    list_display = ["name", "focus_area", "slug"]
    list_filter = ["focus_area"]
    extra_panels = [FieldPanel("focus_area")]


class ChannelViewSet(TaxonomyViewSet):
    model = Channel
    icon = "radio-full"


class TargetGroupViewSet(TaxonomyViewSet):
    model = TargetGroup
    icon = "user"


class UsedLanguageViewSet(SnippetViewSet):
    model = UsedLanguage
    icon = "globe"
    list_display = ["code", "label", "native_name"]
    search_fields = ["code"]
    search_backend_name = None
    panels = [FieldPanel("code"), FieldPanel("sort_order")]


class ChallengeViewSet(SnippetViewSet):
    model = Challenge
    icon = "warning"
    list_display = ["title", "status", "severity", "source", "reported_on"]
    list_filter = ["status", "severity", "source", "source_department"]
    search_fields = ["title", "description"]
    search_backend_name = None
    ordering = ["status", "-reported_on"]


class AdoptionViewSet(SnippetViewSet):
    model = Adoption
    icon = "tick-inverse"
    list_display = ["department", "practice_key", "note", "created_at"]
    list_filter = ["department"]
    search_fields = ["note"]
    search_backend_name = None
    panels = [
        FieldPanel("practice_key", read_only=True),
        FieldPanel("department"),
        FieldPanel("note"),
    ]


class PracticesGroup(SnippetViewSetGroup):
    menu_label = _("Good practice")
    menu_icon = "pick"
    menu_order = 250
    items = (
        ChallengeViewSet,
        AdoptionViewSet,
        DepartmentViewSet,
        FocusAreaViewSet,
        GoalViewSet,
        ChannelViewSet,
        TargetGroupViewSet,
        UsedLanguageViewSet,
    )


register_snippet(PracticesGroup)
