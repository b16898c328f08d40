from django.core.management.base import BaseCommand

from welcome.feedback import demand


class Command(BaseCommand):
    help = (
        "Move the language-demand counters from the cache (Redis) into the database. Run it "
        "every few minutes (cron or a systemd timer); counts are never lost or doubled if a run "
        "is interrupted or two runs overlap."
    )

    def handle(self, *args, **options):
        applied = demand.flush()
        self.stdout.write(f"Flushed {applied} counter increments.")
