"""Groups, permissions and workflows per active language. Idempotent: run when a language is
activated (``language_activated``), after ``migrate`` for the languages already active, and by
the demo loader."""

from django.conf import settings
from django.contrib.auth.models import Group, Permission
from django.db import transaction
from wagtail.models import (
    GroupApprovalTask,
    GroupPagePermission,
    Locale,
    Page,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

from welcome.languages import registry as languages

from . import roles

ADMIN_PERMISSIONS = [("wagtailadmin", "access_admin")]
OFFICER_PERMISSIONS = [
    ("wagtailadmin", "access_admin"),
    ("translation", "request_translation"),
    ("translation", "view_translationrequest"),
    ("translation", "change_translationrequest"),
    ("signs", "add_sign"),
    ("signs", "change_sign"),
    ("signs", "publish_sign"),
    ("signs", "view_sign"),
    # Officers work through the readers' feedback (inbox, demand report, dashboard overview).
    ("feedback", "view_feedback"),
    ("feedback", "change_feedback"),
]
OFFICER_PAGE_PERMISSIONS = ("add_page", "change_page", "publish_page", "lock_page", "unlock_page")
REVIEWER_PAGE_PERMISSIONS = ("change_page", "publish_page")


def _permissions(pairs):
    wanted = set(pairs)
    found = Permission.objects.filter(
        content_type__app_label__in={app for app, _ in wanted},
        codename__in={codename for _, codename in wanted},
    ).select_related("content_type")
    return [p for p in found if (p.content_type.app_label, p.codename) in wanted]


def _grant_pages(group, pages, codenames):
    permissions = list(
        Permission.objects.filter(content_type__app_label="wagtailcore", codename__in=codenames)
    )
    for page in pages:
        for permission in permissions:
            GroupPagePermission.objects.get_or_create(group=group, page=page, permission=permission)


def _root_pages(code):
    """The top pages (each site's home page) in language ``code``."""
    return Page.objects.filter(depth=2, locale__language_code=code)


def review_workflow(language, reviewers):
    workflow, _ = Workflow.objects.get_or_create(name=roles.workflow_name(language))
    task_name = f"{language.english_name} reviewers approve"
    task = GroupApprovalTask.objects.filter(name=task_name).first()
    if task is None:
        task = GroupApprovalTask.objects.create(name=task_name)
    task.groups.add(reviewers)
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    return workflow


@transaction.atomic
def ensure_language_roles(language):
    """Translators' and reviewers' groups and the review workflow for ``language``, assigned to
    that language's home pages. The source language gets none (officers write it)."""
    if language.code == settings.WELCOME_SOURCE_LANGUAGE:
        return None
    translators, _ = Group.objects.get_or_create(name=roles.translators_group_name(language))
    reviewers, _ = Group.objects.get_or_create(name=roles.reviewers_group_name(language))
    access = _permissions(ADMIN_PERMISSIONS)
    translators.permissions.add(*access)
    reviewers.permissions.add(*access)
    workflow = review_workflow(language, reviewers)
    homes = list(_root_pages(language.code))
    _grant_pages(reviewers, homes, REVIEWER_PAGE_PERMISSIONS)
    for home in homes:
        WorkflowPage.objects.update_or_create(page=home, defaults={"workflow": workflow})
    return translators, reviewers, workflow


@transaction.atomic
def ensure_officers():
    officers, _ = Group.objects.get_or_create(name=roles.OFFICERS_GROUP)
    officers.permissions.add(*_permissions(OFFICER_PERMISSIONS))
    _grant_pages(officers, _root_pages(settings.WELCOME_SOURCE_LANGUAGE), OFFICER_PAGE_PERMISSIONS)
    return officers


def ensure_all():
    """Groups and workflows for every active language, and the officers' group."""
    ensure_officers()
    for code in Locale.objects.values_list("language_code", flat=True):
        if languages.is_supported(code):
            ensure_language_roles(languages.get(code))
