"""Terminology in the admin menu: the grid, CSV import/export and the discouraged terms."""

from django.conf import settings
from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _
from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.panels import FieldPanel
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from welcome.languages.info import describe

from . import views
from .models import Concept, DiscouragedTerm


@hooks.register("register_admin_urls")
def terminology_urls():
    return [
        path("terminology/", views.grid, name="terminology_grid"),
        path("terminology/export.csv", views.export_csv, name="terminology_export"),
        path("terminology/import/", views.import_csv, name="terminology_import"),
    ]


class TerminologyMenuItem(MenuItem):
    def is_shown(self, request):
        return request.user.has_perm("terminology.change_concept")


@hooks.register("register_admin_menu_item")
def terminology_menu_item():
    return TerminologyMenuItem(
        _("Terminology"), reverse("terminology_grid"), icon_name="openquote", order=260
    )


def language_panels(model):
    """One input per language for each translated field, marked with its language and direction
    so right-to-left terms are typed right to left."""
    from django import forms
    from modeltranslation.translator import translator
    from wagtail.admin.panels import MultiFieldPanel

    order = {code: position for position, code in enumerate(settings.MODELTRANSLATION_LANGUAGES)}
    options = translator.get_options_for_model(model)
    groups = []
    for name in options.fields:
        inputs = []
        for field in sorted(options.all_fields[name], key=lambda f: order[f.language]):
            language = describe(field.language)
            attrs = {"lang": field.language, "dir": language.direction}
            widget = (
                forms.Textarea(attrs={**attrs, "rows": 2})
                if name == "note"
                else forms.TextInput(attrs=attrs)
            )
            inputs.append(
                FieldPanel(
                    field.name, heading=f"{language.native_name} ({field.language})", widget=widget
                )
            )
        groups.append(MultiFieldPanel(inputs, heading=model._meta.get_field(name).verbose_name))
    return groups


class ConceptViewSet(SnippetViewSet):
    model = Concept
    icon = "openquote"
    add_to_admin_menu = False
    list_display = ["term", "slug", "do_not_translate"]
    list_filter = ["do_not_translate"]
    search_fields = ["slug", *(f"term_{code}" for code in settings.MODELTRANSLATION_LANGUAGES)]
    search_backend_name = None

    def get_edit_handler(self):
        from wagtail.admin.panels import ObjectList

        panels = [FieldPanel("slug"), FieldPanel("do_not_translate"), *language_panels(self.model)]
        return ObjectList(panels).bind_to_model(self.model)


class DiscouragedTermViewSet(SnippetViewSet):
    model = DiscouragedTerm
    icon = "warning"
    add_to_admin_menu = False
    list_display = ["term", "preferred", "language"]
    list_filter = ["language"]
    search_fields = ["term", "preferred"]
    search_backend_name = None
    panels = [
        FieldPanel("language"),
        FieldPanel("term"),
        FieldPanel("preferred"),
        FieldPanel("reason"),
    ]


register_snippet(ConceptViewSet)
register_snippet(DiscouragedTermViewSet)
