"""Development accounts for trying the translation engine (DEBUG only, through
``manage.py ensure_dev_admin``): an Arabic translator, an Arabic reviewer and a communication
officer. Their passwords are printed; they are never created without DEBUG."""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.dispatch import receiver
from django.utils.translation import gettext as _

from welcome.core.signals import dev_admin_ensured
from welcome.languages import registry as languages

from . import roles, setup


def dev_accounts():
    arabic = languages.get("ar") if languages.is_supported("ar") else None
    accounts = [("officer", "velkommen-officer", roles.OFFICERS_GROUP)]
    if arabic is not None:
        accounts += [
            ("translator-ar", "velkommen-translator", roles.translators_group_name(arabic)),
            ("reviewer-ar", "velkommen-reviewer", roles.reviewers_group_name(arabic)),
        ]
    return accounts


@receiver(dev_admin_ensured)
def create_translation_dev_users(**kwargs):
    if not settings.DEBUG:
        return []
    setup.ensure_all()
    User = get_user_model()
    lines = []
    for username, password, group_name in dev_accounts():
        user, created = User.objects.get_or_create(
            username=username,
            defaults={"email": f"{username}@example.invalid", "is_staff": True},
        )
        if created:
            user.set_password(password)
            user.save()
        group = Group.objects.filter(name=group_name).first()
        if group is not None:
            user.groups.add(group)
        lines.append(
            _("%(group)s: user: %(user)s  password: %(password)s")
            % {"group": group_name, "user": username, "password": password}
            + ("" if created else "  " + _("(existing account; the password is unchanged)"))
        )
    return lines
