import time

from django.core.management.base import BaseCommand, CommandError

from welcome.pages import loaddata


class Command(BaseCommand):
    help = (
        "Build a large site for the load benches: the demo site plus PAGES topic pages in a tree, "
        "translated into every active language. Running it again with the same PAGES changes "
        "nothing; with another number it refuses."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--pages", type=int, default=10_000, help="Topic pages per language (default 10000)."
        )
        parser.add_argument(
            "--no-demo",
            action="store_true",
            help="Build on the home pages already there instead of loading the demo site first.",
        )

    def handle(self, pages, no_demo, **options):
        if pages < 1:
            raise CommandError("--pages must be 1 or more.")
        started = time.monotonic()
        try:
            outcome = loaddata.generate(pages, self.stdout.write, with_demo=not no_demo)
        except loaddata.LoadDataError as error:
            raise CommandError(str(error)) from error
        if outcome.created:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Wrote {outcome.created} pages in {len(outcome.languages)} languages "
                    f"in {time.monotonic() - started:.1f} s."
                )
            )
