import json

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from welcome.languages import registry as languages
from welcome.translation.models import UnitState
from welcome.translation.status import unit_status


class Command(BaseCommand):
    help = "Units in each state (and how many are critical) per object and language."

    def add_arguments(self, parser):
        parser.add_argument("--language", action="append", help="Only this language (repeat).")
        parser.add_argument("--json", action="store_true", help="Print JSON for automation.")

    def handle(self, language, json, **options):
        for code in language or []:
            if not languages.is_supported(code):
                raise CommandError(_("Unknown language: %(code)s.") % {"code": code})
        rows = unit_status(language)
        if json:
            self.stdout.write(_dumps(rows))
            return
        states = UnitState.values
        self.stdout.write("\t".join(["object", "language", *states, "critical"]))
        for row in rows:
            counts = [str(row["units"][state]) for state in states]
            self.stdout.write(
                "\t".join([row["object"], row["language"], *counts, str(row["units"]["critical"])])
            )


def _dumps(rows):
    return json.dumps(rows, ensure_ascii=False, indent=2)
