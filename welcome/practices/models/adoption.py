from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from .taxonomy import Department


class Adoption(models.Model):
    """“We use this too”: a department records that it has taken up a practice, with a note.

    A practice is one concept in many languages, so an adoption names its ``translation_key``:
    counted once whichever language version the department saw.
    """

    practice_key = models.UUIDField(
        db_index=True, help_text=_("The translation key the practice has in every language.")
    )
    department = models.ForeignKey(
        Department,
        on_delete=models.CASCADE,
        related_name="adoptions",
        help_text=_("The department that uses the practice too."),
    )
    note = models.TextField(
        max_length=1000,
        blank=True,
        help_text=_("How the department uses it, what it changed (staff only)."),
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Who recorded the adoption."),
    )
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        ordering = ["created_at", "pk"]
        constraints = [
            models.UniqueConstraint(
                fields=["practice_key", "department"], name="practices_one_adoption_per_department"
            )
        ]
        verbose_name = _("adoption")
        verbose_name_plural = _("adoptions")

    def __str__(self):
        return f"{self.department} · {self.practice_key}"
