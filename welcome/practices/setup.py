"""Groups, page permissions and the moderation workflow the library needs. Idempotent: run when a
library page or a department is created, and by the demo loader."""

from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from .models import Department, PracticeIndexPage
from .permissions import LIBRARY_EDITORS_GROUP

WORKFLOW_NAME = "Good-practice moderation"
TASK_NAME = "Library editors approve"
DEPARTMENT_GROUP_PREFIX = "Department staff: "

# Page permissions on every language's library page.
EDITOR_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
STAFF_PAGE_PERMISSIONS = ("add_page", "change_page")
# Model permissions (app label, codename).
EDITOR_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    *(
        ("practices", f"{action}_{model}")
        for model in ("challenge", "adoption")
        for action in ("add", "change", "delete", "view")
    ),
    *(
        ("practices", f"{action}_{model}")
        for model in ("department", "focusarea", "goal", "channel", "targetgroup", "usedlanguage")
        for action in ("add", "change", "view")
    ),
]
STAFF_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("practices", "add_challenge"),
    ("practices", "change_challenge"),
    ("practices", "view_challenge"),
]


def _permissions(pairs):
    wanted = set(pairs)
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted},
        codename__in={codename for _, codename in wanted},
    ).select_related("content_type")
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


def department_group(department):
    """The group whose members are the department's staff, created on first use."""
    if department.group_id:
        return department.group
    group, _ = Group.objects.get_or_create(name=f"{DEPARTMENT_GROUP_PREFIX}{department.name_da}")
    group.permissions.add(*_permissions(STAFF_PERMISSIONS))
    department.group = group
    department.save(update_fields=["group"])
    return group


def moderation_workflow(editors):
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    task = GroupApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=TASK_NAME)
    task.groups.add(editors)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


def grant_page_permissions(group, page, codenames):
    for permission in Permission.objects.filter(
        content_type__app_label="wagtailcore", codename__in=codenames
    ):
        GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


@transaction.atomic
def ensure_library_setup(libraries=None):
    """Editors' group, a group per department, the moderation workflow, and permissions on
    ``libraries`` (by default every language's library page)."""
    editors, _ = Group.objects.get_or_create(name=LIBRARY_EDITORS_GROUP)
    editors.permissions.add(*_permissions(EDITOR_PERMISSIONS))
    staff_groups = [department_group(d) for d in Department.objects.select_related("group")]
    workflow = moderation_workflow(editors)
    if libraries is None:
        libraries = PracticeIndexPage.objects.all()
    for library in libraries:
        WorkflowPage.objects.update_or_create(page=library, defaults={"workflow": workflow})
        grant_page_permissions(editors, library, EDITOR_PAGE_PERMISSIONS)
        for group in staff_groups:
            grant_page_permissions(group, library, STAFF_PAGE_PERMISSIONS)
