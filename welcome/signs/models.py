import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.core.validators import MaxLengthValidator, RegexValidator
from django.db import models
from django.urls import reverse
from django.utils.translation import gettext_lazy as _
from wagtail.models import (
    DraftStateMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
)

from welcome.core.translatable import SynchronisedField, TranslatableField
from welcome.languages import registry
from welcome.languages.info import Language, display_name

from .printing import sign_context

CODE_PATTERN = r"^[a-z0-9][a-z0-9-]{1,31}$"


class SignSize(models.TextChoices):
    A4_PORTRAIT = "a4-portrait", _("A4 portrait")
    A4_LANDSCAPE = "a4-landscape", _("A4 landscape")
    A3_PORTRAIT = "a3-portrait", _("A3 portrait")
    A3_LANDSCAPE = "a3-landscape", _("A3 landscape")


class Pictogram(models.TextChoices):
    """Pictograms of the site's icon set (site/static/img/icons.svg)."""

    INFO = "info", _("Information")
    ID_CARD = "id-card", _("ID card")
    BOOK = "book", _("Book")
    WORK = "work", _("Work")
    HEALTH = "health", _("Health")
    CHILD = "child", _("Child")
    HOME = "home", _("Home")
    CHAT = "chat", _("Speech bubble")


class SignTextField(models.CharField):
    """Text printed on a sign. Its length limit is checked by :meth:`Sign.clean`, which names the
    language in its message, instead of Django's generic validator; the database keeps the limit."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.validators[:] = [v for v in self.validators if not isinstance(v, MaxLengthValidator)]

    def formfield(self, **kwargs):
        field = super().formfield(**kwargs)
        field.max_length = None
        field.validators = [v for v in field.validators if not isinstance(v, MaxLengthValidator)]
        field.widget.attrs.pop("maxlength", None)
        return field


class SignQuerySet(models.QuerySet):
    def with_code(self, code):
        return self.filter(code=code)

    def canonical(self, code):
        """The sign that answers for ``code``: its live Danish source, else any live version."""
        signs = list(self.with_code(code).filter(live=True).select_related("locale"))
        source_code = registry.source().code
        for sign in signs:
            if sign.locale.language_code == source_code:
                return sign
        return signs[0] if signs else None


class Sign(TranslatableMixin, DraftStateMixin, RevisionMixin, PreviewableMixin, models.Model):
    """A welcome sign (velkomstskilt): a headline and a short message printed in several
    languages with a QR code that opens ``/s/<code>/``. One row per language, linked by
    ``translation_key``."""

    HEADLINE_MAX_LENGTH = 40
    MESSAGE_MAX_LENGTH = 160

    name = models.CharField(
        max_length=120,
        help_text=_("Internal name, e.g. “Borgerservice, entrance”. Not printed."),
    )
    headline = SignTextField(
        max_length=HEADLINE_MAX_LENGTH,
        help_text=_("Large text on the sign, at most 40 characters in every language."),
    )
    message = SignTextField(
        max_length=MESSAGE_MAX_LENGTH,
        help_text=_("One or two short sentences, at most 160 characters in every language."),
    )
    placement = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Where the sign hangs, e.g. “Main entrance, left of the door”. Not printed."),
    )
    size = models.CharField(
        max_length=20,
        choices=SignSize.choices,
        default=SignSize.A4_PORTRAIT,
        help_text=_("Paper size and orientation of the printed sign."),
    )
    pictogram = models.CharField(
        max_length=20,
        choices=Pictogram.choices,
        blank=True,
        help_text=_("Optional pictogram printed beside the headline."),
    )
    target_page = models.ForeignKey(
        "wagtailcore.Page",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("The page the QR code opens, in the reader's language. Empty: the home page."),
    )
    code = models.CharField(
        max_length=32,
        validators=[
            RegexValidator(
                CODE_PATTERN,
                _("Use 2–32 lower-case letters, digits and hyphens, e.g. “bibliotek”."),
            )
        ],
        help_text=_("Short code in the QR address /s/<code>/. The same in every language."),
    )
    languages = models.CharField(
        max_length=200,
        help_text=_(
            "Languages printed on the sign, in this order, as codes separated by commas, "
            "e.g. “da, en, ar, ur”."
        ),
    )

    objects = SignQuerySet.as_manager()

    translation_fields = (
        TranslatableField("headline"),
        TranslatableField("message"),
        SynchronisedField("name"),
        SynchronisedField("placement"),
        SynchronisedField("size"),
        SynchronisedField("pictogram"),
        SynchronisedField("target_page"),
        SynchronisedField("code"),
        SynchronisedField("languages"),
    )

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("sign")
        verbose_name_plural = _("signs")
        constraints = [
            models.UniqueConstraint(fields=["code", "locale"], name="unique_sign_code_per_locale")
        ]

    def __str__(self):
        return self.name

    @property
    def paper(self):
        """``("A4", "portrait")`` for the CSS ``@page`` size."""
        paper, orientation = self.size.split("-")
        return paper.upper(), orientation

    def language_codes(self):
        """The printed languages, in order."""
        return [code for code in re.split(r"[\s,;]+", self.languages) if code]

    def language_label(self):
        """This version's language, for messages: ``Arabic (العربية)``."""
        language = registry.get(self.locale.language_code)
        return f"{display_name(language.code, registry.current().code)} ({language.native_name})"

    def clean(self):
        super().clean()
        errors = {}
        errors.update(self._length_errors())
        errors.update(self._language_errors())
        if self.code and self.code_taken():
            errors["code"] = ValidationError(
                _("The code “%(code)s” is already used by another sign. Choose another code."),
                code="duplicate",
                params={"code": self.code},
            )
        if errors:
            raise ValidationError(errors)

    def _length_errors(self):
        if self.locale_id is None:
            return {}
        errors = {}
        for name, limit in (
            ("headline", self.HEADLINE_MAX_LENGTH),
            ("message", self.MESSAGE_MAX_LENGTH),
        ):
            length = len(getattr(self, name) or "")
            if length > limit:
                errors[name] = ValidationError(
                    _(
                        "%(language)s: this text has %(length)d characters; a sign allows at "
                        "most %(limit)d. Shorten it in this language."
                    ),
                    code="too_long",
                    params={"language": self.language_label(), "length": length, "limit": limit},
                )
        return errors

    def _language_errors(self):
        codes = self.language_codes()
        unknown = [code for code in codes if not registry.is_supported(code)]
        if not codes:
            message = _("Choose at least one language.")
        elif unknown:
            message = _("Unknown language codes: %(codes)s. Use: %(supported)s.") % {
                "codes": ", ".join(unknown),
                "supported": ", ".join(registry.supported_codes()),
            }
        elif len(set(codes)) != len(codes):
            message = _("Each language can be printed only once.")
        else:
            self.languages = ", ".join(codes)
            return {}
        return {"languages": ValidationError(message, code="invalid")}

    def code_taken(self):
        """Whether another sign (not a translation of this one) uses this code."""
        return (
            Sign.objects.with_code(self.code).exclude(translation_key=self.translation_key).exists()
        )

    def get_scan_url(self):
        return reverse("sign_scan", args=[self.code])

    def get_print_url(self):
        return reverse("sign_print", args=[self.code])

    def printed_versions(self):
        """A :class:`PrintedVersion` for each printed language, in order. This object stands for
        its own language, so that a preview shows unsaved changes; other languages are read from
        their live versions."""
        versions = {
            sign.locale.language_code: sign
            for sign in Sign.objects.filter(translation_key=self.translation_key, live=True)
            .exclude(pk=self.pk)
            .select_related("locale")
        }
        if self.locale_id is not None:
            versions[self.locale.language_code] = self
        return [
            PrintedVersion(language=registry.get(code), sign=versions.get(code))
            for code in self.language_codes()
            if registry.is_supported(code)
        ]

    def get_preview_template(self, request, mode_name):
        return "signs/print.html"

    def get_preview_context(self, request, mode_name):
        context = super().get_preview_context(request, mode_name)
        context.update(sign_context(self, request))
        return context


@dataclass(frozen=True)
class PrintedVersion:
    """One language on a printed sign: its translation, or ``None`` where there is none yet."""

    language: Language
    sign: Sign | None


class SignScanQuerySet(models.QuerySet):
    def for_sign(self, sign):
        return self.filter(sign_key=sign.translation_key)


class SignScan(models.Model):
    """How often a sign's QR code was scanned on one day by readers of one language: an
    aggregated counter, no personal data."""

    sign_key = models.UUIDField(help_text=_("The translation key shared by a sign's versions."))
    day = models.DateField()
    language = models.CharField(max_length=10, help_text=_("The reader's language."))
    count = models.PositiveIntegerField(default=0)

    objects = SignScanQuerySet.as_manager()

    class Meta:
        verbose_name = _("sign scan count")
        verbose_name_plural = _("sign scan counts")
        constraints = [
            models.UniqueConstraint(
                fields=["sign_key", "day", "language"], name="unique_sign_scan_per_day_language"
            )
        ]

    def __str__(self):
        return f"{self.sign_key} {self.day} {self.language}: {self.count}"
