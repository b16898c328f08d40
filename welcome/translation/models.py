"""Units and requests of the translation engine.

``Unit`` — one row per (source object, target locale, segment key). The source object is named by
its content type and ``translation_key`` (shared by all its language versions), never by its
primary key or path, so moving or renaming a page keeps its translations linked.

Fields of a unit:

``content_type``, ``translation_key``, ``locale``, ``key``
    What is translated: the source object's (specific) content type and translation key, the
    target language, and the segment key (field name + block-id path, see ``segments``).
``kind``, ``max_length``, ``context``, ``position``, ``markup``
    About the segment: ``text`` or ``rich`` (rich text with numbered inline tags, whose original
    attributes are in ``markup``), its length limit, a human description of where it is, and its
    order in the object.
``source_text``, ``source_hash``
    The current Danish text of the segment and its hash (updated whenever the source is published).
``target_text``
    The translation as last saved (draft, in review or approved).
``approved_text``, ``approved_hash``
    The last approved translation and the hash of the source it translated: what apply publishes,
    and what stays published while the unit is outdated.
``state``
    ``untranslated`` → ``draft`` → ``review`` → ``approved``; ``outdated`` when the source changed
    after translation.
``critical``
    The source change touched a fact (number, date, time, phone number, e-mail address, URL).
``previous_source``, ``previous_target``
    For an outdated unit: the source text it was translated from and the translation then, so the
    editor shows a diff.
``origin``
    Where the target text came from: ``manual``, ``memory`` (translation memory) or ``import`` (PO).
``translated_by``/``translated_at``, ``reviewed_by``/``reviewed_at``
    Who wrote and who approved it, and when.
``version``
    Optimistic concurrency: every change adds one; a save based on an older version is refused as a
    conflict (``services.save_unit``), so nobody's work is overwritten unseen.
``archived_at``
    Set when the segment disappeared from the source; the row (and its translation) is kept.

``TranslationRequest`` — the queue: an officer asks for an object in one language, with assignee,
due date and priority.
"""

import hashlib

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _
from wagtail.models import Locale


def text_hash(text):
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


class UnitState(models.TextChoices):
    UNTRANSLATED = "untranslated", _("Untranslated")
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("Needs review")
    APPROVED = "approved", _("Approved")
    OUTDATED = "outdated", _("Outdated")


class UnitOrigin(models.TextChoices):
    MANUAL = "manual", _("Manual")
    MEMORY = "memory", _("Translation memory")
    IMPORT = "import", _("PO import")


class SegmentKind(models.TextChoices):
    TEXT = "text", _("Plain text")
    RICH = "rich", _("Rich text")


class Priority(models.IntegerChoices):
    LOW = 1, _("Low")
    NORMAL = 2, _("Normal")
    HIGH = 3, _("High")
    URGENT = 4, _("Urgent")


class RequestStatus(models.TextChoices):
    OPEN = "open", _("Open")
    DONE = "done", _("Done")
    CANCELLED = "cancelled", _("Cancelled")


class UnitQuerySet(models.QuerySet):
    def for_object(self, content_type, translation_key, locale=None):
        units = self.filter(content_type=content_type, translation_key=translation_key)
        return units if locale is None else units.filter(locale=locale)

    def current(self):
        """Units whose segment still exists in the source."""
        return self.filter(archived_at__isnull=True)


class Unit(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    key = models.CharField(max_length=500, help_text=_("Field name and block-id path."))

    kind = models.CharField(max_length=10, choices=SegmentKind.choices, default=SegmentKind.TEXT)
    max_length = models.PositiveIntegerField(null=True, blank=True)
    context = models.CharField(max_length=300, blank=True)
    position = models.PositiveIntegerField(default=0)
    markup = models.JSONField(default=dict, blank=True)

    source_text = models.TextField()
    source_hash = models.CharField(max_length=64)
    target_text = models.TextField(blank=True)
    approved_text = models.TextField(null=True, blank=True)
    approved_hash = models.CharField(max_length=64, blank=True)
    state = models.CharField(
        max_length=12, choices=UnitState.choices, default=UnitState.UNTRANSLATED, db_index=True
    )
    critical = models.BooleanField(default=False)
    previous_source = models.TextField(blank=True)
    previous_target = models.TextField(blank=True)
    origin = models.CharField(max_length=10, choices=UnitOrigin.choices, default=UnitOrigin.MANUAL)

    translated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    translated_at = models.DateTimeField(null=True, blank=True)
    reviewed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    reviewed_at = models.DateTimeField(null=True, blank=True)
    version = models.PositiveIntegerField(default=1)
    archived_at = models.DateTimeField(null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = UnitQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation unit")
        verbose_name_plural = _("translation units")
        ordering = ["position", "id"]
        constraints = [
            models.UniqueConstraint(
                fields=["content_type", "translation_key", "locale", "key"],
                name="unique_unit_per_object_locale_key",
            )
        ]
        indexes = [models.Index(fields=["locale", "state"], name="unit_locale_state")]

    def __str__(self):
        return f"{self.key} ({self.locale_id}): {self.state}"

    @property
    def is_outdated(self):
        return self.state == UnitState.OUTDATED


class TranslationRequestQuerySet(models.QuerySet):
    def open(self):
        return self.filter(status=RequestStatus.OPEN)

    def for_object(self, content_type, translation_key):
        return self.filter(content_type=content_type, translation_key=translation_key)


class TranslationRequest(models.Model):
    content_type = models.ForeignKey(ContentType, on_delete=models.CASCADE, related_name="+")
    translation_key = models.UUIDField(db_index=True)
    locale = models.ForeignKey(Locale, on_delete=models.CASCADE, related_name="+")
    title = models.CharField(
        max_length=255, blank=True, help_text=_("The source's title when requested.")
    )
    requested_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    assignee = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="translation_requests",
        help_text=_("The translator who does the work (empty: anyone in the language's team)."),
    )
    due = models.DateField(null=True, blank=True, help_text=_("When the translation is needed."))
    priority = models.PositiveSmallIntegerField(choices=Priority.choices, default=Priority.NORMAL)
    status = models.CharField(
        max_length=10, choices=RequestStatus.choices, default=RequestStatus.OPEN
    )
    note = models.TextField(blank=True, help_text=_("Anything the translator should know."))
    created_at = models.DateTimeField(auto_now_add=True)
    updated_at = models.DateTimeField(auto_now=True)

    objects = TranslationRequestQuerySet.as_manager()

    class Meta:
        verbose_name = _("translation request")
        verbose_name_plural = _("translation requests")
        ordering = ["-priority", "due", "created_at"]
        permissions = [("request_translation", _("Can request translations"))]

    def __str__(self):
        return f"{self.title} → {self.locale_id}"
