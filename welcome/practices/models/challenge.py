"""The communication-challenge register: problem areas found with the departments, the citizens'
advisor, readers and citizens' meetings, and what is being done about them. An internal working
tool, written in Danish, kept in the admin."""

from django import forms
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _
from modelcluster.fields import ParentalKey, ParentalManyToManyField
from modelcluster.models import ClusterableModel
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable

from .pages import PracticePage
from .taxonomy import Department, TargetGroup, UsedLanguage


class Source(models.TextChoices):
    DEPARTMENT = "department", _("A department")
    CITIZENS_ADVISOR = "citizens_advisor", _("The citizens' advisor")
    READER_FEEDBACK = "reader_feedback", _("Reader feedback")
    MEETING = "meeting", _("A citizens' meeting")


class Severity(models.TextChoices):
    LOW = "low", _("Low")
    MEDIUM = "medium", _("Medium")
    HIGH = "high", _("High")


class ChallengeStatus(models.TextChoices):
    OPEN = "open", _("Open")
    BEING_ADDRESSED = "being_addressed", _("Being addressed")
    SOLVED = "solved", _("Solved")


class ChallengeQuerySet(models.QuerySet):
    def unsolved(self):
        return self.exclude(status=ChallengeStatus.SOLVED)


class Challenge(ClusterableModel):
    title = models.CharField(max_length=200, help_text=_("The problem in a few words."))
    description = models.TextField(
        help_text=_("What goes wrong, for whom, and how we know (complaints, figures, quotes).")
    )
    source = models.CharField(
        max_length=20, choices=Source.choices, help_text=_("Where the challenge was reported.")
    )
    source_department = models.ForeignKey(
        Department,
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="reported_challenges",
        help_text=_("The department that reported it, when the source is a department."),
    )
    severity = models.CharField(
        max_length=10,
        choices=Severity.choices,
        default=Severity.MEDIUM,
        help_text=_("High: citizens miss services or rights because of it."),
    )
    status = models.CharField(
        max_length=20,
        choices=ChallengeStatus.choices,
        default=ChallengeStatus.OPEN,
        db_index=True,
        help_text=_("Open, being addressed (a practice is being tried) or solved."),
    )
    languages = ParentalManyToManyField(
        UsedLanguage,
        blank=True,
        related_name="challenges",
        help_text=_("Readers of these languages are affected."),
    )
    target_groups = ParentalManyToManyField(
        TargetGroup, blank=True, related_name="challenges", help_text=_("Groups affected.")
    )
    reported_on = models.DateField(default=timezone.localdate, help_text=_("When it was reported."))
    updated_at = models.DateTimeField(auto_now=True)

    objects = ChallengeQuerySet.as_manager()

    panels = [
        FieldPanel("title"),
        FieldPanel("description"),
        FieldRowPanel([FieldPanel("source"), FieldPanel("source_department")]),
        FieldRowPanel([FieldPanel("severity"), FieldPanel("status"), FieldPanel("reported_on")]),
        MultiFieldPanel(
            [
                FieldPanel("languages", widget=forms.CheckboxSelectMultiple),
                FieldPanel("target_groups", widget=forms.CheckboxSelectMultiple),
            ],
            heading=_("Who is affected"),
        ),
        InlinePanel("practice_links", heading=_("Practices that address it"), label=_("Practice")),
        InlinePanel("page_links", heading=_("Pages concerned"), label=_("Page")),
    ]

    class Meta:
        ordering = ["status", "-reported_on", "pk"]
        verbose_name = _("communication challenge")
        verbose_name_plural = _("communication challenges")

    def __str__(self):
        return self.title

    def clean(self):
        super().clean()
        if self.source == Source.DEPARTMENT and not self.source_department_id:
            raise ValidationError(
                {"source_department": _("Say which department reported the challenge.")}
            )


class ChallengePractice(Orderable):
    challenge = ParentalKey(Challenge, on_delete=models.CASCADE, related_name="practice_links")
    practice = models.ForeignKey(
        PracticePage,
        on_delete=models.CASCADE,
        related_name="challenge_links",
        help_text=_("A practice that addresses the challenge."),
    )

    panels = [FieldPanel("practice")]


class ChallengePage(Orderable):
    challenge = ParentalKey(Challenge, on_delete=models.CASCADE, related_name="page_links")
    page = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        help_text=_("A page of the welcome site the challenge concerns."),
    )

    panels = [FieldPanel("page")]
