"""Wagtail's workflow-task preview refuses non-moderators before it names the page and task."""

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Permission
from wagtail.models import GroupApprovalTask

from ..factories import TopicPageFactory, make_home


@pytest.fixture
def draft_and_task(db):
    page = TopicPageFactory(
        parent=make_home(), title="Hemmelig kladde", slug="hemmelig", live=False
    )
    return page, GroupApprovalTask.objects.create(name="Hemmelig opgave")


def test_a_user_who_cannot_moderate_the_task_is_refused_without_the_title(client, draft_and_task):
    page, task = draft_and_task
    user = get_user_model().objects.create_user("plain", password="x" * 12)
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)

    response = client.get(f"/admin/pages/workflow/preview/{page.pk}/{task.pk}/")
    dashboard = client.get("/admin/").content.decode()

    assert "Hemmelig" not in dashboard
    assert (response.status_code, response["Location"]) == (302, "/admin/")  # Wagtail's refusal
    assert "do not have permission" in dashboard


def test_a_moderator_still_gets_wagtails_notice(client, draft_and_task, admin_user):
    page, task = draft_and_task
    client.force_login(admin_user)

    response = client.get(f"/admin/pages/workflow/preview/{page.pk}/{task.pk}/", follow=True)

    assert "Hemmelig kladde" in response.content.decode()
    assert "awaiting moderation" in response.content.decode()
