"""The library's pages: an index per language (facets, search, feed) and a page per practice.

Practices are pages (Wagtail native i18n: a page per language, linked by ``translation_key``)
rather than snippets: each language version gets revisions, moderation through a Wagtail
workflow, preview, scheduled publishing, a public URL under the reader's language prefix with the
site's language fallback and picker, and its place in the sitemap, all without custom views.
"""

from django import forms
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import Count, IntegerField, OuterRef, Subquery, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Orderable, PageManager
from wagtail.query import PageQuerySet

from welcome.core.blocks import RICH_TEXT_FEATURES
from welcome.core.models import BasePage
from welcome.core.translatable import SynchronisedField, TranslatableField
from welcome.languages import analysis

from .. import permissions
from ..blocks import KeyFigureBlock
from ..forms import PracticePageForm
from .adoption import Adoption
from .taxonomy import Channel, Department, FocusArea, Goal, TargetGroup, UsedLanguage


class Status(models.TextChoices):
    IDEA = "idea", _("Idea")
    PILOTED = "piloted", _("Piloted")
    PROVEN = "proven", _("Proven")


class Visibility(models.TextChoices):
    PUBLIC = "public", _("Public")
    INTERNAL = "internal", _("Internal: staff only")


class PracticeQuerySet(PageQuerySet):
    def in_language(self, code):
        return self.filter(locale__language_code=code)

    def public_entries(self):
        return self.filter(visibility=Visibility.PUBLIC)

    def visible_to(self, user):
        """Everything for staff; public entries only for everybody else."""
        return self if permissions.is_staff(user) else self.public_entries()

    def with_adoption_counts(self):
        """Annotate ``adoption_count``: departments that use the practice, in any language."""
        counts = (
            Adoption.objects.filter(practice_key=OuterRef("translation_key"))
            .order_by()
            .values("practice_key")
            .annotate(total=Count("pk"))
            .values("total")
        )
        return self.annotate(
            adoption_count=Coalesce(Subquery(counts, output_field=IntegerField()), Value(0))
        )


class PracticePage(RoutablePageMixin, BasePage):
    """A practice: what a department did to reach citizens, with results, so others can reuse it."""

    summary = models.TextField(
        max_length=500,
        help_text=_("Two or three sentences: what was done, for whom, with what effect."),
    )
    challenge = models.TextField(
        blank=True, help_text=_("The communication problem the practice addresses.")
    )
    what_was_done = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What was done, step by step, so another department can do the same."),
    )
    results = RichTextField(
        features=RICH_TEXT_FEATURES,
        blank=True,
        help_text=_("What came of it, with figures where there are any."),
    )
    key_figures = StreamField(
        [("figure", KeyFigureBlock())],
        blank=True,
        help_text=_("Results in numbers, shown prominently."),
    )
    status = models.CharField(
        max_length=10,
        choices=Status.choices,
        default=Status.IDEA,
        db_index=True,
        help_text=_("Idea: not tried yet. Piloted: tried once. Proven: in regular use."),
    )
    visibility = models.CharField(
        max_length=10,
        choices=Visibility.choices,
        default=Visibility.INTERNAL,
        db_index=True,
        help_text=_(
            "Internal entries are shown to City staff only, never to the public or the API."
        ),
    )
    started_on = models.DateField(
        null=True, blank=True, help_text=_("When the practice started (optional).")
    )
    ended_on = models.DateField(
        null=True, blank=True, help_text=_("When it ended; leave empty if it still runs.")
    )
    cost_dkk = models.PositiveIntegerField(
        null=True, blank=True, help_text=_("What it cost in Danish kroner (optional).")
    )
    cost_note = models.CharField(
        max_length=255, blank=True, help_text=_("What the cost covers, e.g. per year, printing.")
    )
    department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="owned_practices",
        help_text=_(
            "The department that owns the entry and answers questions. Only its staff and the "
            "library's editors may change it. Empty for practices from other cities."
        ),
    )
    contact_role = models.CharField(
        max_length=160, blank=True, help_text=_("Who to ask, by role, e.g. integration consultant.")
    )
    contact_email = models.EmailField(
        blank=True, help_text=_("A shared mailbox rather than a person's address.")
    )
    departments = ParentalManyToManyField(
        Department,
        blank=True,
        related_name="practices",
        help_text=_("Every department involved (the owning department is added for you)."),
    )
    focus_areas = ParentalManyToManyField(
        FocusArea,
        blank=True,
        related_name="practices",
        help_text=_("Integration policy focus areas."),
    )
    goals = ParentalManyToManyField(
        Goal, blank=True, related_name="practices", help_text=_("Integration policy goals served.")
    )
    channels = ParentalManyToManyField(
        Channel, blank=True, related_name="practices", help_text=_("How citizens were reached.")
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, blank=True, related_name="practices", help_text=_("Who the practice is for.")
    )
    languages = ParentalManyToManyField(
        UsedLanguage,
        blank=True,
        related_name="practices",
        help_text=_("Languages the practice communicated in."),
    )
    source_name = models.CharField(
        max_length=200, blank=True, help_text=_("For a practice from another city: who shared it.")
    )
    source_url = models.URLField(
        max_length=500,
        blank=True,
        help_text=_("For a practice from another city: its address there."),
    )
    source_id = models.CharField(
        max_length=200,
        blank=True,
        db_index=True,
        editable=False,
        help_text=_("The practice's identifier in the other city's export."),
    )
    source_department = models.CharField(
        max_length=200, blank=True, help_text=_("For a practice from another city: its department.")
    )
    # Analysed words of the text (welcome.languages.analysis), for the library's own search, which
    # combines with the facets in one query; kept in step on every full save (publish).
    search_document = models.TextField(blank=True, default="", editable=False)

    objects = PageManager.from_queryset(PracticeQuerySet)()

    translation_fields = (
        *BasePage.translation_fields,
        TranslatableField("summary"),
        TranslatableField("challenge"),
        TranslatableField("what_was_done"),
        TranslatableField("results"),
        TranslatableField("key_figures"),
        TranslatableField("cost_note"),
        TranslatableField("contact_role"),
        SynchronisedField("status"),
        SynchronisedField("visibility"),
        SynchronisedField("started_on"),
        SynchronisedField("ended_on"),
        SynchronisedField("cost_dkk"),
        SynchronisedField("department"),
        SynchronisedField("contact_email"),
        SynchronisedField("departments"),
        SynchronisedField("focus_areas"),
        SynchronisedField("goals"),
        SynchronisedField("channels"),
        SynchronisedField("target_groups"),
        SynchronisedField("languages"),
        SynchronisedField("attachments"),
        SynchronisedField("related_links"),
        SynchronisedField("source_name"),
        SynchronisedField("source_url"),
        SynchronisedField("source_id"),
        SynchronisedField("source_department"),
    )
    search_text_fields = ("summary", "challenge", "what_was_done", "results", "key_figures")
    summary_field = "summary"

    base_form_class = PracticePageForm
    template = "practices/practice_page.html"
    parent_page_types = ["practices.PracticeIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("summary"),
        FieldPanel("challenge"),
        FieldPanel("what_was_done"),
        FieldPanel("results"),
        FieldPanel("key_figures"),
        MultiFieldPanel(
            [
                FieldPanel("status"),
                FieldPanel("visibility"),
                FieldRowPanel([FieldPanel("started_on"), FieldPanel("ended_on")]),
                FieldRowPanel([FieldPanel("cost_dkk"), FieldPanel("cost_note")]),
            ],
            heading=_("Facts"),
        ),
        MultiFieldPanel(
            [FieldPanel("department"), FieldPanel("contact_role"), FieldPanel("contact_email")],
            heading=_("Contact"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("departments", widget=forms.CheckboxSelectMultiple),
                FieldPanel("focus_areas", widget=forms.CheckboxSelectMultiple),
                FieldPanel("goals", widget=forms.CheckboxSelectMultiple),
                FieldPanel("channels", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Classification"),
        ),
        InlinePanel("attachments", heading=_("Attachments"), label=_("Attachment")),
        InlinePanel("related_links", heading=_("Related practices"), label=_("Related practice")),
        MultiFieldPanel(
            [FieldPanel("source_name"), FieldPanel("source_url"), FieldPanel("source_department")],
            heading=_("From another city"),
            classname="collapsed",
        ),
    ]

    class Meta:
        verbose_name = _("practice")
        verbose_name_plural = _("practices")

    def clean(self):
        super().clean()
        if self.started_on and self.ended_on and self.ended_on < self.started_on:
            raise ValidationError(
                {"ended_on": _("The end date must not be before the start date.")}
            )

    def save(self, *args, **kwargs):
        if self.locale_id:
            words = analysis.analyse(
                f"{self.title} {self.search_text()}", self.locale.language_code
            )
            self.search_document = f" {words} "
        return super().save(*args, **kwargs)

    @property
    def is_internal(self):
        return self.visibility == Visibility.INTERNAL

    @property
    def is_external(self):
        return bool(self.source_name)

    def serve(self, request, *args, **kwargs):
        if self.is_internal and not permissions.is_staff(request.user):
            # Never shown to the public: staff who are logged out are asked to log in, anybody
            # else is told there is nothing here.
            if request.user.is_authenticated:
                raise Http404
            return redirect_to_login(request.get_full_path(), "wagtailadmin_login")
        return super().serve(request, *args, **kwargs)

    def get_sitemap_urls(self, request=None):
        return [] if self.is_internal else super().get_sitemap_urls(request)

    @classmethod
    def get_indexed_objects(cls):
        # The site-wide search index holds public practices only.
        return super().get_indexed_objects().filter(visibility=Visibility.PUBLIC)

    def permissions_for_user(self, user):
        return permissions.PracticePermissionTester(user, self)

    @path("")
    def detail(self, request):
        from ..views import practice_context

        return self.render(request, context_overrides=practice_context(self, request))

    @path("adopt/", name="adopt")
    def adopt(self, request):
        from ..views import adopt

        return adopt(self, request)

    def adopt_url(self):
        return self.url + self.reverse_subpage("adopt")


class PracticeAttachment(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="attachments")
    title = models.CharField(
        max_length=200, help_text=_("What the reader will find, e.g. The leaflet in Somali.")
    )
    document = models.ForeignKey(
        "wagtaildocs.Document",
        null=True,
        blank=True,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A document in the library, or ..."),
    )
    url = models.URLField(
        max_length=500, blank=True, help_text=_("... an address on another site.")
    )

    panels = [FieldPanel("title"), FieldPanel("document"), FieldPanel("url")]

    class Meta(Orderable.Meta):
        verbose_name = _("attachment")
        verbose_name_plural = _("attachments")

    def clean(self):
        if bool(self.document_id) == bool(self.url):
            raise ValidationError(_("Choose either a document or an address."))

    @property
    def href(self):
        return self.document.url if self.document_id else self.url


class RelatedPractice(Orderable):
    page = ParentalKey(PracticePage, on_delete=models.CASCADE, related_name="related_links")
    practice = models.ForeignKey(
        PracticePage,
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("Another practice a reader of this one should know."),
    )

    panels = [FieldPanel("practice")]

    class Meta(Orderable.Meta):
        verbose_name = _("related practice")
        verbose_name_plural = _("related practices")
