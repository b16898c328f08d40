from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from welcome.languages import registry
from welcome.languages.services import LanguageNotSupported, activate_language


class Command(BaseCommand):
    help = "Activate a supported language: create its Locale, home page, groups and workflow."

    def add_arguments(self, parser):
        parser.add_argument("code", help="Language code, e.g. ti")

    def handle(self, code, **options):
        try:
            locale, created = activate_language(code.strip().lower())
        except LanguageNotSupported as error:
            raise CommandError(str(error)) from error
        language = registry.get(locale.language_code)
        message = (
            _("%(name)s (%(code)s) is now active.")
            if created
            else _("%(name)s (%(code)s) was already active.")
        )
        self.stdout.write(message % {"name": language.native_name, "code": language.code})
