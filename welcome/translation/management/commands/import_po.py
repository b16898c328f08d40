"""Import a translated PO file. Exit status: 0 when every translated entry was applied (or was
already there), 2 when the file was read but some entries were rejected (the rest applied),
1 when the file was refused (nothing changed)."""

import os
import sys

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from welcome.translation import po


class Command(BaseCommand):
    help = "Apply a PO file: translated entries become drafts; prints a report."

    def add_arguments(self, parser):
        parser.add_argument("file")
        parser.add_argument("--dry-run", action="store_true", help="Check only; save nothing.")
        parser.add_argument(
            "--user", help="Import as this translator (their languages are checked)."
        )
        parser.add_argument(
            "--submit", action="store_true", help="Applied units go to review, not draft."
        )

    def handle(self, *args, file, dry_run, user, submit, **options):
        translator = None
        if user:
            try:
                translator = get_user_model().objects.get_by_natural_key(user)
            except get_user_model().DoesNotExist as error:
                raise CommandError(_("No user %(name)s.") % {"name": user}) from error
        try:
            size = os.stat(file).st_size
        except OSError as error:
            raise CommandError(
                _("Cannot read %(file)s: %(error)s.") % {"file": file, "error": error.strerror}
            ) from error
        if size > po.max_bytes():
            report = po.ImportReport(refused=[po.too_large_message()])
        else:
            with open(file, "rb") as handle:
                data = handle.read(po.max_bytes() + 1)
            report = po.import_po(data, user=translator, dry_run=dry_run, submit=submit)
        stream = self.stdout if report.complete else self.stderr
        for line in report.lines():
            stream.write(line)
        if not report.accepted:
            sys.exit(1)
        if not report.complete:
            sys.exit(2)
