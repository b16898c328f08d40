from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.dateparse import parse_date
from django.utils.translation import gettext as _
from wagtail.models import Page

from welcome.translation import services
from welcome.translation.models import Priority
from welcome.translation.roles import PermissionDenied


class Command(BaseCommand):
    help = "Request translation of a Danish page (optionally with the pages below) into languages."

    def add_arguments(self, parser):
        parser.add_argument("--page", type=int, required=True, help="Id of the Danish page.")
        parser.add_argument("--subtree", action="store_true", help="Include the pages below.")
        parser.add_argument(
            "--language", action="append", required=True, help="Target language code (repeat)."
        )
        parser.add_argument("--assignee", help="Username of the translator.")
        parser.add_argument(
            "--prefill", action="store_true", help="Pre-fill exact translation-memory matches."
        )
        parser.add_argument("--due", help="Due date, YYYY-MM-DD.")
        parser.add_argument(
            "--priority", choices=[p.name.lower() for p in Priority], default="normal"
        )
        parser.add_argument("--requested-by", help="Username of the requesting officer.")

    def _user(self, username):
        if not username:
            return None
        try:
            return get_user_model().objects.get_by_natural_key(username)
        except get_user_model().DoesNotExist as error:
            raise CommandError(_("No user “%(name)s”.") % {"name": username}) from error

    def handle(
        self,
        page,
        subtree,
        language,
        assignee,
        due,
        priority,
        requested_by,
        prefill=False,
        **options,
    ):
        found = Page.objects.filter(pk=page).first()
        if found is None:
            raise CommandError(_("No page with id %(id)s.") % {"id": page})
        due_date = parse_date(due) if due else None
        if due and due_date is None:
            raise CommandError(_("The due date must look like 2026-12-31."))
        try:
            made = services.request_translation(
                found.specific,
                language,
                requested_by=self._user(requested_by),
                assignee=self._user(assignee),
                due=due_date,
                priority=Priority[priority.upper()],
                subtree=subtree,
                prefill=prefill,
            )
        except (ValueError, PermissionDenied) as error:
            raise CommandError(str(error)) from error
        for request in made:
            self.stdout.write(f"{request.title} → {request.locale.language_code}")
        self.stdout.write(
            self.style.SUCCESS(_("%(count)d translation requests.") % {"count": len(made)})
        )
