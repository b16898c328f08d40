import json

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from welcome.languages import registry
from welcome.practices.sharing.serialise import export


class Command(BaseCommand):
    help = (
        "Write every public practice in one language as a JSON export other cities can load "
        "with import_practices (format: /api/practices/schema/)."
    )

    def add_arguments(self, parser):
        parser.add_argument("--lang", default=None, help="Language code (default: Danish).")
        parser.add_argument("--output", "-o", default="-", help="File to write (default: stdout).")
        parser.add_argument(
            "--base-url",
            default=settings.WAGTAILADMIN_BASE_URL,
            help="Site address used for the practices' links.",
        )

    def handle(self, lang=None, output="-", base_url="", **options):
        code = lang or registry.source().code
        if not registry.is_active(code):
            raise CommandError(f"{code!r} is not an active language ({registry.active_codes()}).")
        text = json.dumps(export(code, base_url), ensure_ascii=False, indent=2)
        if output == "-":
            self.stdout.write(text)
        else:
            with open(output, "w", encoding="utf-8") as handle:
                handle.write(text + "\n")
            self.stderr.write(f"Wrote {output}.")
