"""Reference data the library is sorted by: the City's seven administrations, the integration
policy's focus areas and goals, channels, target groups (labels translated with
django-modeltranslation, see ``translation.py``) and the languages a practice uses (names from CLDR,
so they need no translation)."""

from django.contrib.auth.models import Group
from django.core.exceptions import ValidationError
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from welcome.languages.info import describe, display_name


class DepartmentQuerySet(models.QuerySet):
    def for_user(self, user):
        """The departments ``user`` is staff of (through each department's group)."""
        if not user.is_authenticated:
            return self.none()
        return self.filter(group__user=user)


class Taxonomy(models.Model):
    """A concept with a stable code (used in URLs, the API and exports) and a label per language."""

    slug = models.SlugField(
        max_length=60,
        unique=True,
        help_text=_("Stable code used in web addresses, the API and exports. Do not change it."),
    )
    name = models.CharField(max_length=200, help_text=_("The label readers see, in each language."))
    sort_order = models.PositiveSmallIntegerField(
        default=0, help_text=_("Lists show lower numbers first.")
    )

    class Meta:
        abstract = True
        ordering = ["sort_order", "slug"]

    def __str__(self):
        return self.name

    @property
    def label(self):
        """The label in the active language (English, then Danish, where it is missing)."""
        return self.name


class Department(Taxonomy):
    abbreviation = models.CharField(
        max_length=10, blank=True, help_text=_("The usual short form, e.g. BIF.")
    )
    group = models.OneToOneField(
        Group,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="practice_department",
        help_text=_(
            "Staff in this group belong to the department: they submit its practices and may "
            "edit only its entries."
        ),
    )

    objects = DepartmentQuerySet.as_manager()

    class Meta(Taxonomy.Meta):
        verbose_name = _("department")
        verbose_name_plural = _("departments")


class FocusArea(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("focus area")
        verbose_name_plural = _("focus areas")


class Goal(Taxonomy):
    focus_area = models.ForeignKey(
        FocusArea,
        on_delete=models.PROTECT,
        related_name="goals",
        help_text=_("The focus area of the integration policy this goal belongs to."),
    )

    class Meta(Taxonomy.Meta):
        verbose_name = _("goal")
        verbose_name_plural = _("goals")


class Channel(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("channel")
        verbose_name_plural = _("channels")


class TargetGroup(Taxonomy):
    class Meta(Taxonomy.Meta):
        verbose_name = _("target group")
        verbose_name_plural = _("target groups")


def validate_language_code(code):
    try:
        describe(code)
    except LookupError as error:
        raise ValidationError(
            _("“%(code)s” is not a language code CLDR knows (e.g. so, ti, ku)."),
            params={"code": code},
        ) from error


class UsedLanguage(models.Model):
    """A language a practice communicates in or a challenge affects. Its names come from CLDR:
    ``label`` is the name in the reader's language, ``native_name`` the name in itself."""

    code = models.CharField(
        max_length=12,
        primary_key=True,
        validators=[validate_language_code],
        help_text=_("ISO 639 code of the language, e.g. so for Somali, ti for Tigrinya."),
    )
    sort_order = models.PositiveSmallIntegerField(
        default=100, help_text=_("Lists show lower numbers first.")
    )

    class Meta:
        ordering = ["sort_order", "code"]
        verbose_name = _("language")
        verbose_name_plural = _("languages")

    def __str__(self):
        return self.label

    @property
    def slug(self):
        """The code, under the name the other taxonomies use (facets, API, exports)."""
        return self.code

    @property
    def label(self):
        return display_name(self.code, translation.get_language() or "da")

    @property
    def native_name(self):
        return describe(self.code).native_name

    @property
    def direction(self):
        return describe(self.code).direction
