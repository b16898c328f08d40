"""Admin panel: the state of a sign in each chosen language, with a warning where a translation is
missing and an error where a text is too long for the sign."""

from dataclasses import dataclass

from django.utils.translation import gettext_lazy as _
from wagtail.admin.panels import Panel

from welcome.languages.info import Language

from .models import Sign


@dataclass(frozen=True)
class LanguageStatus:
    language: Language
    translated: bool
    live: bool
    too_long: tuple = ()


def translation_status(sign):
    """A :class:`LanguageStatus` per chosen language of ``sign`` (drafts included)."""
    if sign.pk is None:
        return []
    versions = {
        version.locale.language_code: version
        for version in Sign.objects.filter(translation_key=sign.translation_key).select_related(
            "locale"
        )
    }
    statuses = []
    for language in (version.language for version in sign.printed_versions()):
        version = versions.get(language.code)
        too_long = ()
        if version is not None:
            too_long = tuple(
                name
                for name, limit in (
                    ("headline", Sign.HEADLINE_MAX_LENGTH),
                    ("message", Sign.MESSAGE_MAX_LENGTH),
                )
                if len(getattr(version, name)) > limit
            )
        statuses.append(
            LanguageStatus(
                language=language,
                translated=version is not None,
                live=bool(version and version.live),
                too_long=too_long,
            )
        )
    return statuses


class SignTranslationsPanel(Panel):
    def __init__(self, **kwargs):
        kwargs.setdefault("heading", _("Languages on the sign"))
        super().__init__(**kwargs)

    class BoundPanel(Panel.BoundPanel):
        template_name = "signs/admin/translations_panel.html"

        def get_context_data(self, parent_context=None):
            context = super().get_context_data(parent_context)
            statuses = translation_status(self.instance)
            context["statuses"] = statuses
            context["missing"] = [status.language for status in statuses if not status.live]
            return context
