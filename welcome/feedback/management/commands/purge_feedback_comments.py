from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from welcome.feedback.services import purge_comments


class Command(BaseCommand):
    help = (
        "Delete the texts of reader comments older than the retention period "
        "(WELCOME_FEEDBACK_COMMENT_RETENTION_DAYS, env FEEDBACK_COMMENT_RETENTION_DAYS). "
        "The rest of each row (page, language, day, kind, state) is kept for the statistics. "
        "Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days", type=int, default=None, help="Override the retention period (days)."
        )

    def handle(self, *args, days=None, **options):
        days = settings.WELCOME_FEEDBACK_COMMENT_RETENTION_DAYS if days is None else days
        if days < 0:
            raise CommandError("The retention period cannot be negative.")
        deleted = purge_comments(days)
        self.stdout.write(f"Deleted {deleted} comment texts older than {days} days.")
