"""Who may do what in the library, decided on the server.

- *Staff* (anyone who may use the admin) read internal practices on the public site.
- *Department staff* belong to a department through its group; they submit practices and may edit
  or delete only their department's entries.
- *Library editors* (the ``Good-practice editors`` group) moderate every entry.

Page actions go through :class:`PracticePermissionTester`, which Wagtail's admin views consult for
every edit, delete, unpublish, move, copy, lock and revision action, so a crafted request is refused
as surely as a hidden button.
"""

from django.utils.translation import gettext_lazy as _
from wagtail.models import PagePermissionTester

LIBRARY_EDITORS_GROUP = "Good-practice editors"
LIBRARY_EDITORS_GROUP_LABEL = _("Good-practice editors")


def is_staff(user):
    """May ``user`` read internal practices? Staff are the people who may use the admin."""
    if not (user.is_authenticated and user.is_active):
        return False
    return user.is_superuser or user.has_perm("wagtailadmin.access_admin")


def is_library_editor(user):
    if not (user.is_authenticated and user.is_active):
        return False
    if user.is_superuser:
        return True
    cached = getattr(user, "_practices_is_editor", None)
    if cached is None:
        cached = user.groups.filter(name=LIBRARY_EDITORS_GROUP).exists()
        user._practices_is_editor = cached
    return cached


def department_ids(user):
    """Primary keys of the departments ``user`` is staff of (cached on the user object)."""
    if not user.is_authenticated:
        return frozenset()
    cached = getattr(user, "_practices_department_ids", None)
    if cached is None:
        from .models import Department

        cached = frozenset(Department.objects.for_user(user).values_list("pk", flat=True))
        user._practices_department_ids = cached
    return cached


def may_manage(user, practice):
    """May ``user`` change or delete ``practice`` at all (before Wagtail's own page rules)?"""
    if is_library_editor(user):
        return True
    return practice.department_id is not None and practice.department_id in department_ids(user)


class PracticePermissionTester(PagePermissionTester):
    """Wagtail's page permissions, narrowed to the practice's own department."""

    def _allowed(self):
        return self.user.is_active and may_manage(self.user, self.page)

    def can_edit(self):
        return self._allowed() and super().can_edit()

    def can_delete(self, ignore_bulk=False):
        return self._allowed() and super().can_delete(ignore_bulk=ignore_bulk)

    def can_unpublish(self):
        return self._allowed() and super().can_unpublish()

    def can_publish(self):
        return self._allowed() and super().can_publish()

    def can_lock(self):
        return self._allowed() and super().can_lock()

    def can_unlock(self):
        return self._allowed() and super().can_unlock()

    def can_submit_for_moderation(self):
        return self._allowed() and super().can_submit_for_moderation()

    def can_unschedule(self):
        return self._allowed() and super().can_unschedule()

    def can_copy(self):
        return self._allowed() and super().can_copy()
