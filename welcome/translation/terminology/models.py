"""A concept has one approved term per language (django-modeltranslation columns ``term_da``,
``term_ar``, ..., see ``translation.py``) and a note for translators. A do-not-translate concept
(MitID, NemKonto) keeps its name in every language. A discouraged term is a word writers and
translators should avoid in one language, with the preferred wording and the reason."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from welcome.translation.checks import BIDI_CONTROLS


def validate_no_bidi_controls(value):
    if any(char in BIDI_CONTROLS for char in value):
        raise ValidationError(_("Bidirectional control characters are not allowed."))


def language_choices():
    from welcome.languages.info import describe

    return [(code, describe(code).native_name) for code in settings.WELCOME_LANGUAGES]


class Concept(models.Model):
    slug = models.SlugField(
        max_length=80,
        unique=True,
        help_text=_("Stable code of the concept, used in CSV files. Do not change it."),
    )
    term = models.CharField(
        max_length=200,
        validators=[validate_no_bidi_controls],
        help_text=_("The approved term in each language."),
    )
    note = models.TextField(
        blank=True, help_text=_("Guidance for translators: what it means, how to write it.")
    )
    do_not_translate = models.BooleanField(
        default=False,
        help_text=_("A name that stays as it is in every language (MitID, NemKonto)."),
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["slug"]
        verbose_name = _("concept")
        verbose_name_plural = _("concepts")

    def __str__(self):
        return self.term

    def term_in(self, code):
        """The approved term in language ``code``: the Danish one for a do-not-translate concept,
        ``""`` where none is approved yet (no fallback: a fallback is not an approval)."""
        if self.do_not_translate:
            return getattr(self, f"term_{settings.WELCOME_SOURCE_LANGUAGE}") or ""
        return getattr(self, f"term_{code}", "") or ""

    def note_in(self, code):
        return getattr(self, f"note_{code}", "") or getattr(
            self, f"note_{settings.WELCOME_SOURCE_LANGUAGE}", ""
        )


class DiscouragedTerm(models.Model):
    language = models.CharField(
        max_length=12,
        choices=language_choices,
        default="da",
        help_text=_("The language in which the term is discouraged."),
    )
    term = models.CharField(
        max_length=200,
        validators=[validate_no_bidi_controls],
        help_text=_("The word or phrase to avoid."),
    )
    preferred = models.CharField(
        max_length=300, help_text=_("The wording to use instead, e.g. “københavner” or “borger”.")
    )
    reason = models.TextField(blank=True, help_text=_("Why, in a sentence writers understand."))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        ordering = ["language", "term"]
        verbose_name = _("discouraged term")
        verbose_name_plural = _("discouraged terms")
        constraints = [
            models.UniqueConstraint(
                fields=["language", "term"], name="unique_discouraged_term_per_language"
            )
        ]

    def __str__(self):
        return f"{self.term} → {self.preferred}"
