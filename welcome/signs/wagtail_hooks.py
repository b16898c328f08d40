from django import forms
from django.db.models import OuterRef, Subquery, Sum
from django.db.models.functions import Coalesce
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.admin.ui.tables import Column
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from .models import Sign, SignScan
from .panels import SignTranslationsPanel


class SignViewSet(SnippetViewSet):
    model = Sign
    icon = "doc-empty"
    menu_label = _("Signs")
    add_to_admin_menu = True
    menu_order = 300
    list_display = ["name", "headline", "code", "size", Column("scan_total", label=_("Scans"))]
    list_filter = ["size"]
    search_fields = ["name", "headline", "code"]

    panels = [
        SignTranslationsPanel(),
        FieldPanel("headline"),
        FieldPanel("message", widget=forms.Textarea(attrs={"rows": 3})),
        MultiFieldPanel(
            [
                FieldPanel("name"),
                FieldPanel("code"),
                FieldPanel("languages"),
                FieldPanel("size"),
                FieldPanel("pictogram"),
                FieldPanel("target_page"),
                FieldPanel("placement"),
            ],
            heading=_("The same in every language"),
        ),
    ]

    def get_queryset(self, request):
        scans = (
            SignScan.objects.filter(sign_key=OuterRef("translation_key"))
            .values("sign_key")
            .annotate(total=Sum("count"))
            .values("total")
        )
        return Sign.objects.annotate(scan_total=Coalesce(Subquery(scans), 0)).select_related(
            "locale"
        )


register_snippet(SignViewSet)
