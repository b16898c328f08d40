"""The library in one language: its page lists, filters, searches and sorts the practices below
it (see ``welcome.practices.library``) and offers them as an RSS feed."""

from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import FieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from welcome.core.models import BasePage
from welcome.core.translatable import TranslatableField


class PracticeIndexPage(RoutablePageMixin, BasePage):
    """The library in one language: faceted browsing, search, sorting and an RSS feed."""

    intro = models.TextField(
        blank=True, help_text=_("One or two sentences above the list: what the library is for.")
    )

    translation_fields = (*BasePage.translation_fields, TranslatableField("intro"))
    search_text_fields = ("intro",)
    summary_field = "intro"

    template = "practices/practice_index_page.html"
    parent_page_types = ["pages.HomePage"]
    subpage_types = ["practices.PracticePage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, FieldPanel("intro")]

    class Meta:
        verbose_name = _("good-practice library")
        verbose_name_plural = _("good-practice libraries")

    @path("")
    def library(self, request):
        from ..library import LibraryQuery

        query = LibraryQuery.from_request(self, request)
        return self.render(request, context_overrides={"library": query.run()})

    @path("feed/", name="feed")
    def feed(self, request):
        from ..feeds import PracticeFeed

        return PracticeFeed(self)(request)

    def feed_url(self):
        return self.url + self.reverse_subpage("feed")
