from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail.models import Page, PageManager
from wagtail.query import PageQuerySet

from welcome.core.models import BasePage
from welcome.core.translatable import SynchronisedField, TranslatableField

from .blocks import TopicBodyBlock


class TopicIcon(models.TextChoices):
    """Pictograms that help readers with little reading experience find a topic."""

    ID_CARD = "id-card", _("ID card")
    KEY = "key", _("Key")
    HEALTH = "health", _("Health")
    BOOK = "book", _("Book")
    WORK = "work", _("Work")
    CHILD = "child", _("Child")
    HOME = "home", _("Home")
    INFO = "info", _("Information")


class TopicPageQuerySet(PageQuerySet):
    def for_cards(self):
        """Live topics with just what a topic card shows."""
        return self.live().only(
            "id", "title", "intro", "icon", "url_path", "path", "depth", "translation_key"
        )


class HomePage(BasePage):
    hero_text = models.TextField(
        blank=True,
        help_text=_("A short welcome under the page title, in plain words."),
    )
    featured_topics = StreamField(
        [("topic", blocks.PageChooserBlock(page_type="pages.TopicPage"))],
        blank=True,
        help_text=_("Topics shown first on the home page, in this order."),
    )

    translation_fields = (
        *BasePage.translation_fields,
        TranslatableField("hero_text"),
        SynchronisedField("featured_topics"),
    )
    search_text_fields = ("hero_text",)
    summary_field = "hero_text"

    template = "pages/home_page.html"
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "pages.TopicPage",
        "leaflets.LeafletIndexPage",
        "videos.VideoIndexPage",
        "practices.PracticeIndexPage",
    ]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("hero_text"),
        FieldPanel("featured_topics"),
    ]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def featured(self):
        """The featured topics in this page's language, in the editors' order. The chooser values
        point at the source pages (synchronised), so they are matched by translation key."""
        source_ids = [child["value"] for child in self.featured_topics.raw_data if child["value"]]
        keys = dict(Page.objects.filter(pk__in=source_ids).values_list("pk", "translation_key"))
        pages = TopicPage.objects.for_cards().filter(
            translation_key__in=keys.values(), locale_id=self.locale_id
        )
        by_key = {page.translation_key: page for page in pages}
        return [by_key[keys[pk]] for pk in source_ids if keys.get(pk) in by_key]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        featured = self.featured()
        context["featured_topics"] = featured
        context["other_topics"] = (
            TopicPage.objects.for_cards()
            .child_of(self)
            .exclude(pk__in=[page.pk for page in featured])
            .order_by("path")
        )
        # Leaflet and film lists (welcome.leaflets, welcome.videos) hang under the home page too.
        context["collections"] = (
            Page.objects.child_of(self)
            .live()
            .not_type(TopicPage)
            .only("id", "title", "search_description", "url_path", "path", "depth")
            .order_by("path")
        )
        return context


class TopicPage(BasePage):
    intro = models.TextField(
        help_text=_("One or two sentences: what this page helps the reader do."),
    )
    icon = models.CharField(
        max_length=20,
        choices=TopicIcon.choices,
        default=TopicIcon.INFO,
        help_text=_("Pictogram shown with the topic on the home page."),
    )
    body = StreamField(TopicBodyBlock(), blank=True, help_text=_("The content of the page."))

    translation_fields = (
        *BasePage.translation_fields,
        TranslatableField("intro"),
        TranslatableField("body"),
        SynchronisedField("icon"),
    )
    search_text_fields = ("intro", "body")
    summary_field = "intro"

    objects = PageManager.from_queryset(TopicPageQuerySet)()

    template = "pages/topic_page.html"
    parent_page_types = ["pages.HomePage", "pages.TopicPage"]
    subpage_types = ["pages.TopicPage"]

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("intro"),
        FieldPanel("icon"),
        FieldPanel("body"),
    ]

    class Meta:
        verbose_name = _("topic page")
        verbose_name_plural = _("topic pages")
