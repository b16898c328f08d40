"""Server-side checks added in front of Wagtail admin views that disclose data before they
check permission (found by ``tests/security/test_authorization_sweep.py``).

Wagtail's "preview a revision for a workflow task" view (pages and snippets,
``wagtail.admin.views.generic.workflow.PreviewRevisionForTask``) writes "The page '<title>' is
not currently awaiting moderation in task '<task>'" into the user's messages when the object is
not in that task, before it checks that the user may moderate the task. Any admin user (a
translator, say) could read any page's title and any task's name by trying ids; the message shows
on the next admin page. Here the permission check comes first: a user to whom the task offers no
action is refused with 403 and no message; moderators see the view exactly as before.
"""

from django.core.exceptions import PermissionDenied
from wagtail.admin.views.generic.workflow import PreviewRevisionForTask


def guard_task_preview():
    original = PreviewRevisionForTask.get
    if getattr(original, "checks_moderator_first", False):
        return

    def get(self, request, *args, **kwargs):
        if not self.task.get_actions(self.object, request.user):
            raise PermissionDenied
        return original(self, request, *args, **kwargs)

    get.checks_moderator_first = True
    PreviewRevisionForTask.get = get
