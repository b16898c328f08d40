"""Reader feedback (one row per message, no personal data) and language demand (aggregated
counters per day, page and language, written only by the periodic flush)."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    HELPFUL = "helpful", _("Helpful")
    NOT_HELPFUL = "not_helpful", _("Not helpful")
    TRANSLATION_WRONG = "translation_wrong", _("Translation is wrong")
    TRANSLATION_UNCLEAR = "translation_unclear", _("Translation is unclear")
    TRANSLATION_MISSING = "translation_missing", _("Part of the translation is missing")
    TRANSLATION_OFFENSIVE = "translation_offensive", _("Translation is offensive")


HELPFULNESS_KINDS = (Kind.HELPFUL, Kind.NOT_HELPFUL)
TRANSLATION_PROBLEM_KINDS = (
    Kind.TRANSLATION_WRONG,
    Kind.TRANSLATION_UNCLEAR,
    Kind.TRANSLATION_MISSING,
    Kind.TRANSLATION_OFFENSIVE,
)


class State(models.TextChoices):
    OPEN = "open", _("Open")
    HANDLED = "handled", _("Handled")


class FeedbackQuerySet(models.QuerySet):
    def open(self):
        return self.filter(state=State.OPEN)

    def comments_older_than(self, day):
        return self.filter(created_on__lt=day).exclude(comment="")


class Feedback(models.Model):
    """What a reader told us about a page. Stores the page, the reader's language, the day and the
    text: no address, user agent, cookie or account."""

    page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_(
            "The page shown to the reader (a fallback page where the translation was missing)."
        ),
    )
    language = models.CharField(
        max_length=10, db_index=True, help_text=_("The reader's language (the address prefix).")
    )
    content_language = models.CharField(
        max_length=10, help_text=_("The language the page was shown in.")
    )
    kind = models.CharField(max_length=30, choices=Kind.choices, db_index=True)
    comment = models.TextField(
        blank=True, help_text=_("The reader's words; deleted after the retention period.")
    )
    comment_deleted = models.BooleanField(
        default=False, help_text=_("The comment was deleted at the end of the retention period.")
    )
    created_on = models.DateField(default=timezone.localdate, db_index=True)
    state = models.CharField(
        max_length=10, choices=State.choices, default=State.OPEN, db_index=True
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The officer who looks into it."),
    )
    handled_on = models.DateField(null=True, blank=True)
    challenge = models.ForeignKey(
        "practices.Challenge",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The communication challenge made from this feedback."),
    )
    translation_request = models.ForeignKey(
        "translation.TranslationRequest",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The translation request made from this feedback."),
    )

    objects = FeedbackQuerySet.as_manager()

    class Meta:
        ordering = ["-created_on", "-pk"]
        verbose_name = _("reader feedback")
        verbose_name_plural = _("reader feedback")

    def __str__(self):
        return f"{self.get_kind_display()} ({self.language}, {self.created_on})"

    @property
    def is_translation_problem(self):
        return self.kind in TRANSLATION_PROBLEM_KINDS


class PageDemand(models.Model):
    """Views and missed demand for one page (all its language versions: the translation key), one
    day and one language. Only counts: nothing about the readers."""

    day = models.DateField()
    translation_key = models.UUIDField(
        help_text=_("The translation key shared by a page's versions.")
    )
    language = models.CharField(max_length=35)
    views = models.PositiveIntegerField(default=0, help_text=_("Views served in this language."))
    missed_picker = models.PositiveIntegerField(
        default=0, help_text=_("Readers chose this language in the picker; a fallback was served.")
    )
    missed_cookie = models.PositiveIntegerField(
        default=0, help_text=_("Readers' remembered language; the page does not exist in it.")
    )
    missed_header = models.PositiveIntegerField(
        default=0,
        help_text=_(
            "The browser's first language (Accept-Language); the page does not exist in it."
        ),
    )
    missed_address = models.PositiveIntegerField(
        default=0, help_text=_("An address in this language; a fallback was served.")
    )

    class Meta:
        verbose_name = _("page demand count")
        verbose_name_plural = _("page demand counts")
        constraints = [
            models.UniqueConstraint(
                fields=["day", "translation_key", "language"], name="unique_page_demand"
            )
        ]
        indexes = [models.Index(fields=["day", "language"])]

    def __str__(self):
        return f"{self.translation_key} {self.day} {self.language}: {self.views}"


class DemandBatch(models.Model):
    """A batch of counters moved from the cache to the database: recorded in the same transaction
    as its counts, so a batch interrupted after the commit is never applied twice."""

    name = models.CharField(max_length=200, unique=True)
    applied_at = models.DateTimeField(default=timezone.now)

    class Meta:
        verbose_name = _("demand batch")
        verbose_name_plural = _("demand batches")

    def __str__(self):
        return self.name
