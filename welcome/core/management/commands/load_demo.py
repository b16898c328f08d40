from django.core.management.base import BaseCommand
from django.db import transaction

from welcome.core import demo


class Command(BaseCommand):
    help = "Load the demo welcome site in every active language. Running it again changes nothing."

    def handle(self, **options):
        with transaction.atomic():
            demo.run_all(self.stdout.write)
        self.stdout.write(self.style.SUCCESS("Demo content is in place."))
