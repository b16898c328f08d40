from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale, PageManager
from wagtail.query import PageQuerySet

from welcome.core.models import BasePage
from welcome.core.translatable import SynchronisedField, TranslatableField
from welcome.languages import registry

from . import pdf, views
from .blocks import LeafletBodyBlock


class LeafletPageQuerySet(PageQuerySet):
    def for_listing(self):
        """Live leaflets with just what the leaflet list shows."""
        return self.live().only(
            "id", "title", "intro", "audience", "url_path", "path", "depth", "locale_id"
        )


class LeafletIndexPage(BasePage):
    """The list of welcome leaflets in one language, under the home page."""

    intro = models.TextField(
        blank=True, help_text=_("A sentence or two above the list of leaflets.")
    )

    translation_fields = (*BasePage.translation_fields, TranslatableField("intro"))
    search_text_fields = ("intro",)
    summary_field = "intro"

    template = "pages/leaflet_index_page.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["leaflets.LeafletPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("leaflet list")
        verbose_name_plural = _("leaflet lists")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["leaflets"] = LeafletPage.objects.child_of(self).for_listing().order_by("path")
        context["pdf_available"] = pdf.is_available()
        return context


class LeafletPage(RoutablePageMixin, BasePage):
    """A welcome leaflet (velkomstpjece): read on the web, printed from ``print/`` in A4 or A5,
    alone or with the Danish text beside it, and downloaded as a PDF from ``pdf/``."""

    intro = models.TextField(help_text=_("One or two sentences: what the leaflet helps with."))
    audience = models.CharField(
        max_length=120,
        help_text=_("Who the leaflet is for, e.g. “New residents of Copenhagen”."),
    )
    edition = models.CharField(
        max_length=40,
        help_text=_("Edition printed in the footer, e.g. 2025-1. The same in every language."),
    )
    sections = StreamField(
        LeafletBodyBlock(), help_text=_("The leaflet's sections, in reading order.")
    )

    translation_fields = (
        *BasePage.translation_fields,
        TranslatableField("intro"),
        TranslatableField("audience"),
        TranslatableField("sections"),
        SynchronisedField("edition"),
    )
    search_text_fields = ("intro", "sections")
    summary_field = "intro"

    objects = PageManager.from_queryset(LeafletPageQuerySet)()

    template = "pages/leaflet_page.html"
    parent_page_types = ["leaflets.LeafletIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("audience"),
        FieldPanel("edition"),
        FieldPanel("sections"),
    ]

    class Meta:
        verbose_name = _("leaflet")
        verbose_name_plural = _("leaflets")

    def translation_date(self):
        """When this language version was last published: the date printed in the footer."""
        return self.last_published_at

    def source_companion(self):
        """The live Danish source of this translation (``None`` for the source itself)."""
        source_code = registry.source().code
        if self.locale.language_code == source_code:
            return None
        locale = Locale.objects.filter(language_code=source_code).first()
        companion = self.get_translation_or_none(locale) if locale else None
        return companion.specific if companion is not None and companion.live else None

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        url = self.get_url(request)
        context["print_url"] = url + self.reverse_subpage("print_view").lstrip("/")
        context["pdf_url"] = url + self.reverse_subpage("pdf_view").lstrip("/")
        context["pdf_available"] = pdf.is_available()
        return context

    @path("print/")
    def print_view(self, request):
        return views.print_view(self, request)

    @path("pdf/")
    def pdf_view(self, request):
        return views.pdf_view(self, request)
