from django.core.management.base import BaseCommand, CommandError

from welcome.practices.sharing.importer import import_practices
from welcome.practices.sharing.validation import DocumentError


class Command(BaseCommand):
    help = (
        "Load another city's good-practice export (a file, or an http(s) address of an export or "
        "of /api/practices/) as external practices with attribution. The export is checked "
        "against /api/practices/schema/ first; if anything is wrong, nothing is imported."
    )

    def add_arguments(self, parser):
        parser.add_argument("source", metavar="FILE_OR_URL_EXPORT")
        parser.add_argument("--timeout", type=float, help="Seconds to wait for a URL (default 10).")
        parser.add_argument(
            "--max-bytes", type=int, help="Largest document accepted (default 5,000,000 bytes)."
        )

    def handle(self, source, timeout=None, max_bytes=None, **options):
        try:
            report = import_practices(source, timeout=timeout, max_bytes=max_bytes)
        except DocumentError as error:
            lines = "\n".join(f"  - {message}" for message in error.messages)
            raise CommandError(f"Nothing was imported from {source}:\n{lines}") from error
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported practices from {report.publisher} ({report.language}): "
                f"{len(report.created)} new, {len(report.updated)} updated."
            )
        )
        for name, codes in sorted(report.unmapped.items()):
            self.stdout.write(f"Not mapped ({name}, unknown here): {', '.join(sorted(codes))}")
