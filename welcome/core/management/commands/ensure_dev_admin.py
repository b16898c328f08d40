from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from welcome.core.signals import dev_admin_ensured

USERNAME = "admin"
PASSWORD = "velkommen-admin"


class Command(BaseCommand):
    help = "Create the development administrator (DEBUG only) and print its login."

    def add_arguments(self, parser):
        parser.add_argument("--url", default="http://127.0.0.1:8000/admin/")

    def handle(self, url, **options):
        if not settings.DEBUG:
            raise CommandError(_("The development administrator is only created when DEBUG is on."))
        User = get_user_model()
        user, created = User.objects.get_or_create(
            username=USERNAME,
            defaults={"email": "admin@example.invalid", "is_staff": True, "is_superuser": True},
        )
        if created:
            user.set_password(PASSWORD)
            user.save()
        self.stdout.write(
            _("Admin: %(url)s  user: %(user)s  password: %(password)s")
            % {"url": url, "user": USERNAME, "password": PASSWORD}
            + ("" if created else "  " + _("(existing account; the password is unchanged)"))
        )
        for _receiver, lines in dev_admin_ensured.send(sender=self.__class__):
            for line in lines or ():
                self.stdout.write(line)
