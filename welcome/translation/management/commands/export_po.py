"""Export one language's units as a PO file for offline translation."""

from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _
from wagtail.models import Locale, Page

from welcome.languages import registry as languages
from welcome.translation import po
from welcome.translation.models import UnitState


class Command(BaseCommand):
    help = (
        "Write a PO file with the segments of one language: of the given pages (--page, with "
        "--subtree their descendants too) or of everything, optionally only some states."
    )

    def add_arguments(self, parser):
        parser.add_argument("--language", required=True, help="Target language code, e.g. ar.")
        parser.add_argument(
            "--page", type=int, action="append", default=[], help="Danish page id (repeatable)."
        )
        parser.add_argument("--subtree", action="store_true", help="Include descendants.")
        parser.add_argument(
            "--state",
            default="",
            help="Comma-separated states: " + ", ".join(UnitState.values) + " (default: all).",
        )
        parser.add_argument("-o", "--output", required=True, help="File to write ('-': stdout).")

    def handle(self, *args, language, page, subtree, state, output, **options):
        if language == languages.source().code or not languages.is_active(language):
            raise CommandError(_("%(code)s is not an active target language.") % {"code": language})
        locale = Locale.objects.get(language_code=language)
        states = [item.strip() for item in state.split(",") if item.strip()]
        unknown = [item for item in states if item not in UnitState.values]
        if unknown:
            raise CommandError(_("Unknown states: %(states)s.") % {"states": ", ".join(unknown)})
        pages = list(Page.objects.filter(pk__in=page))
        missing = set(page) - {p.pk for p in pages}
        if missing:
            ids = ", ".join(map(str, sorted(missing)))
            raise CommandError(_("No page with id %(ids)s.") % {"ids": ids})
        units = po.select_units(locale, pages=pages, subtree=subtree, states=states or None)
        data = po.export_po(locale, units)
        if output == "-":
            self.stdout.write(data.decode("utf-8"), ending="")
        else:
            with open(output, "wb") as file:
                file.write(data)
            self.stderr.write(
                _("%(count)d entries written to %(file)s.")
                % {"count": units.count(), "file": output}
            )
