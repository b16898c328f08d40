"""Authorization sweep: every admin URL pattern (Wagtail's and ours, found by walking the URLconf
under ``admin/``), its path parameters filled with objects outside the role's scope, requested as
each role. Every request must be refused (302 to the sign-in page or the dashboard, 403, 404, or
405 for a POST-only view), except the URLs a role may open by design, listed with the reason in
ALLOWED; and no response, refused or allowed, may show the title of an object outside the role's
scope.

A new role is one entry in ROLES: a function that makes the user and the protected titles it must
never see; a new URL parameter is one entry in ``filled``/``pk_for`` (the sweep fails on a pattern
it cannot fill, so no URL escapes it). The translation engine's roles (an Arabic translator and an
Arabic reviewer) are pointed at Urdu: the Urdu editor, preview and units, the Danish source pages'
edit views, and the officers' feedback inbox. The sweep only GETs; the crafted POSTs a translator
or reviewer could make outside their language are checked at the end of the module.
"""

from dataclasses import dataclass

import pytest
from django.contrib.auth.models import Group, Permission
from django.urls import reverse

from welcome.languages import registry as languages
from welcome.translation import roles as translation_roles
from welcome.translation import services as translation_services
from welcome.translation.models import TranslationRequest, Unit, UnitState

from ..practices.factories import make_user
from .sweep_world import (
    DASHBOARD,
    DOCUMENT,
    EVERYTHING,
    GROUP,
    IMAGE,
    LOGIN,
    PRACTICE,
    REDIRECT,
    REFUSED,
    SITE,
    TASK,
    TOPIC_DRAFT,
    USER,
    WORKFLOW,
    build_world,
    filled,
    sweep_urls,
)


@dataclass
class Role:
    make_user: object  # world -> user (None: anonymous)
    protected: set  # titles this role must never be shown
    allowed: dict  # URL name -> why the role may open it


def anonymous(world):
    return None


def department_editor(world):
    """Staff of Børne- og Ungdomsforvaltningen (bif): add practices to the library, edit their own.
    The library is shared, so they see other departments' entries (not edit them); authors' names
    are shown with their edits."""
    return make_user("zz-bif-staff", departments=["bif"])


def officer(world):
    """A communication officer: the engine's "Communication officers" group (the Danish pages,
    signs, requesting translations and every language's editor and queue), with the feedback
    permissions (the group does not carry them: an administrator grants them), but no users,
    groups, sites, redirects, images or documents."""
    user = make_user("zz-officer")
    user.groups.add(Group.objects.get(name=translation_roles.OFFICERS_GROUP))
    user.user_permissions.add(
        *Permission.objects.filter(
            content_type__app_label="feedback", codename__in=["view_feedback", "change_feedback"]
        )
    )
    return user


def arabic_translator(world):
    """Translates into Arabic: the Arabic queue and editor, nothing of Urdu, no page editing."""
    user = make_user("zz-translator-ar")
    user.groups.add(
        Group.objects.get(name=translation_roles.translators_group_name(languages.get("ar")))
    )
    return user


def arabic_reviewer(world):
    """Reviews Arabic: edits and approves Arabic units and the Arabic pages; nothing of Urdu."""
    user = make_user("zz-reviewer-ar")
    user.groups.add(
        Group.objects.get(name=translation_roles.reviewers_group_name(languages.get("ar")))
    )
    return user


SIGNED_OUT_PAGES = {
    "wagtailadmin_login": "the sign-in form",
    "wagtailadmin_password_reset": "asking for a reset link",
    "wagtailadmin_password_reset_done": "the 'mail sent' notice",
    "wagtailadmin_password_reset_confirm": "a bad token shows 'invalid link'",
    "wagtailadmin_password_reset_complete": "the 'password changed' notice",
    "wagtailadmin_javascript_catalog": "the admin's interface strings",
    "wagtailadmin_sprite": "the admin's icons",
    "wagtailadmin_logout": "signing out",
}
EVERY_ADMIN_USER = {
    **SIGNED_OUT_PAGES,
    "wagtailadmin_home": "the dashboard, filtered to what the user may see",
    "wagtailadmin_account": "the user's own account",
    "wagtailadmin_dismissibles": "the user's own dismissed hints",
    "wagtailadmin_error_test": "Wagtail's deliberate server error (checks the 500 page)",
    # Tools every editor needs to find and link content; they list page titles (see
    # KNOWN_EXPOSURES for what that shows beyond the role's own pages).
    "wagtailadmin_explore_root": "the page explorer, starting where the user may edit",
    "wagtailadmin_explore": "the page explorer (the library is shared between departments)",
    "wagtailadmin_explore_results": "the page explorer's listing",
    "wagtailadmin_pages:search": "page search",
    "wagtailadmin_pages:search_results": "page search",
    "wagtailadmin_pages:type_use": "which pages use a page type",
    "wagtailadmin_pages:type_use_results": "which pages use a page type",
    "wagtailadmin_api:pages:listing": "the admin API behind the page chooser",
    "wagtailadmin_api:pages:detail": "the admin API behind the page chooser",
    "wagtailadmin_api:images:listing": "the admin API behind the image chooser",
    "wagtailadmin_api:images:detail": "the admin API behind the image chooser",
    "wagtailadmin_api:documents:listing": "the admin API behind the document chooser",
    "wagtailadmin_api:documents:detail": "the admin API behind the document chooser",
    "wagtailadmin_choose_page": "the page chooser (links in rich text and blocks)",
    "wagtailadmin_choose_page_child": "the page chooser",
    "wagtailadmin_choose_page_search": "the page chooser",
    "wagtailadmin_choose_page_chosen_multiple": "the page chooser",
    "wagtailadmin_choose_page_external_link": "the link chooser",
    "wagtailadmin_choose_page_email_link": "the link chooser",
    "wagtailadmin_choose_page_phone_link": "the link chooser",
    "wagtailadmin_choose_page_anchor_link": "the link chooser",
    "wagtailadmin_tag_autocomplete": "tag suggestions",
    "wagtailadmin_pages:move_confirm": "a confirmation question; the move itself is refused",
    "wagtailadmin_pages:confirm_workflow_cancellation": "a confirmation question only",
    "wagtailadmin_workflows:task_chooser": "choosing a task (shows task names only)",
    "wagtailadmin_workflows:task_chooser_results": "choosing a task",
    "wagtailadmin_workflows:task_chooser_create": "the task form (creating is refused)",
    "wagtailadmin_workflows:task_chosen": "choosing a task",
    "wagtailadmin_reports:locked": "reports, filtered by Wagtail to the user's pages",
    "wagtailadmin_reports:locked_results": "reports",
    "wagtailadmin_reports:workflow": "reports",
    "wagtailadmin_reports:workflow_results": "reports",
    "wagtailadmin_reports:workflow_tasks": "reports",
    "wagtailadmin_reports:workflow_tasks_results": "reports",
    "wagtailadmin_reports:site_history": "reports",
    "wagtailadmin_reports:site_history_results": "reports",
    "wagtailadmin_reports:aging_pages": "reports",
    "wagtailadmin_reports:aging_pages_results": "reports",
    "wagtailadmin_reports:page_types_usage": "reports",
    "wagtailadmin_reports:page_types_usage_results": "reports",
}
TRANSLATION_WORK = {
    **EVERY_ADMIN_USER,
    "translation:queue": "the queue, filtered to the user's languages",
    "translation:overview": "the coverage report, filtered to the user's languages",
}
OFFICER_WORK = {
    **TRANSLATION_WORK,
    "translation:request": "officers request translations (nothing is chosen here)",
    "translation:editor": "officers see every language's editor (read-only unless they translate)",
    "translation:preview": "officers see every language's preview",
    "feedback_admin:inbox": "the feedback inbox (the officer holds the feedback permissions)",
    "feedback_admin:detail": "the feedback inbox",
    "feedback_admin:demand": "the language-demand report",
    "wagtailadmin_reports:locked_pages": "officers may lock pages, so they see the locked ones",
    "wagtailadmin_reports:locked_pages_results": "the locked pages report",
}
ROLES = {
    "anonymous": Role(anonymous, EVERYTHING, SIGNED_OUT_PAGES),
    "department editor": Role(
        department_editor,
        EVERYTHING - {PRACTICE, USER},
        EVERY_ADMIN_USER,
    ),
    # Officers edit the Danish pages, so they see every Danish page (the topic draft, the
    # practices, their authors); every language's units and requests; the feedback.
    "officer": Role(
        officer,
        {GROUP, REDIRECT, IMAGE, DOCUMENT},
        OFFICER_WORK,
    ),
    "arabic translator": Role(arabic_translator, EVERYTHING, TRANSLATION_WORK),
    "arabic reviewer": Role(arabic_reviewer, EVERYTHING, TRANSLATION_WORK),
}

# What Wagtail itself shows every admin user, whatever their page and collection permissions:
# listed so that it is a decision, not an accident (see the README). Anything else showing a
# protected title fails the sweep.
WAGTAIL_WIDE_VIEWS = {
    "wagtailadmin_pages:search": {TOPIC_DRAFT},
    "wagtailadmin_pages:search_results": {TOPIC_DRAFT},
    # The explorer's and reports' site filter names every site.
    "wagtailadmin_explore": {SITE},
    "wagtailadmin_explore_results": {SITE},
    # Any admin user: the page chooser and the move confirmation name any page by id.
    "wagtailadmin_choose_page_child": {PRACTICE},
    "wagtailadmin_pages:move_confirm": {PRACTICE},
    "wagtailadmin_pages:type_use": {TOPIC_DRAFT, SITE},
    "wagtailadmin_pages:type_use_results": {TOPIC_DRAFT},
    # The last edited page of each type, to anyone with a page permission somewhere.
    "wagtailadmin_reports:page_types_usage": {TOPIC_DRAFT, SITE, PRACTICE},
    "wagtailadmin_reports:page_types_usage_results": {TOPIC_DRAFT, PRACTICE},
    # The "user" filter names whoever made the log entries the user may see (here the
    # superuser who started the practice's workflow and requested the Urdu translation).
    "wagtailadmin_reports:site_history": {TOPIC_DRAFT, USER},
    "wagtailadmin_reports:site_history_results": {TOPIC_DRAFT},
    "wagtailadmin_reports:workflow": {WORKFLOW, TASK},
    "wagtailadmin_reports:workflow_tasks": {WORKFLOW, TASK},
    "wagtailadmin_workflows:task_chooser": {TASK},
    "wagtailadmin_workflows:task_chooser_results": {TASK},
    "wagtailadmin_workflows:task_chosen": {TASK},
    "wagtailadmin_api:pages:listing": {TOPIC_DRAFT},
    "wagtailadmin_api:images:listing": {IMAGE},
    "wagtailadmin_api:images:detail": {IMAGE},
    "wagtailadmin_api:documents:listing": {DOCUMENT},
    "wagtailadmin_api:documents:detail": {DOCUMENT},
}


@pytest.fixture(scope="module")
def sweep(module_transaction):
    world = build_world()
    users = {name: role.make_user(world) for name, role in ROLES.items()}
    return world, users


def refused(client, response, seen=0):
    """Whether ``response`` refuses: an error status, or a redirect to the sign-in page or the
    dashboard (Wagtail's "permission denied"); another redirect is followed (once)."""
    if response.status_code in REFUSED:
        return True
    if response.status_code == 302:
        target = response["Location"]
        if target.startswith(LOGIN) or target == DASHBOARD:
            return True
        return seen == 0 and refused(client, client.get(target), seen + 1)
    return False


@pytest.mark.django_db
@pytest.mark.parametrize("role_name", list(ROLES))
def test_every_admin_url_refuses_what_is_outside_the_role(sweep, client, role_name):
    world, users = sweep
    role = ROLES[role_name]
    if users[role_name] is not None:
        client.force_login(users[role_name])
    client.raise_request_exception = False  # a server error is a finding like any other
    urls, unfillable = sweep_urls(world)
    assert unfillable == []
    problems = []
    for name, url in urls:
        response = client.get(url)
        body = "" if response.streaming else response.content.decode(errors="replace")
        protected = role.protected - (
            WAGTAIL_WIDE_VIEWS.get(name, set()) if users[role_name] else set()
        )
        shown = sorted(title for title in protected if title in body)
        if shown:
            problems.append(f"{url} ({name}): shows {shown} [{response.status_code}]")
        if name not in role.allowed and not refused(client, response):
            problems.append(f"{url} ({name}): {response.status_code}, not refused")
    assert problems == [], "\n".join(problems)


# --- crafted POSTs outside the language ---------------------------------------------------------


def editor_url(world, code):
    return reverse(
        "translation:editor",
        kwargs=filled("translation:editor", ["content_type_id", "translation_key"], world)
        | {"code": code},
    )


def unit_state(unit):
    unit.refresh_from_db()
    return unit.state, unit.target_text, unit.version


@pytest.mark.django_db
@pytest.mark.parametrize("role_name", ["arabic translator", "arabic reviewer"])
def test_posts_into_another_language_change_nothing(sweep, client, role_name):
    world, users = sweep
    client.force_login(users[role_name])
    unit = world.urdu_unit
    before = unit_state(unit)
    feedback_state = world.feedback.state
    requests = TranslationRequest.objects.count()

    responses = [
        client.post(
            reverse("translation:save_unit", args=[unit.pk]),
            {"text": "overwritten", "version": unit.version},
        ),
        client.post(
            editor_url(world, "ur"),
            {
                "action": "save",
                f"text-{unit.pk}": "overwritten",
                f"version-{unit.pk}": unit.version,
            },
        ),
        client.post(
            editor_url(world, "ur"),
            {"action": "approve", "select": unit.pk, f"version-{unit.pk}": unit.version},
        ),
        client.post(reverse("translation:request"), {"page": world.topic.pk, "languages": "ar"}),
        client.post(reverse("feedback_admin:handled", args=[world.feedback.pk])),
    ]

    assert [r.status_code for r in responses[:4]] == [403, 403, 403, 403]
    assert refused(client, responses[4])
    assert unit_state(unit) == before
    assert TranslationRequest.objects.count() == requests
    world.feedback.refresh_from_db()
    assert world.feedback.state == feedback_state


@pytest.mark.django_db
def test_only_the_reviewer_approves_in_their_language(sweep, client):
    world, users = sweep
    translation_services.request_translation(world.topic, ["ar"], requested_by=world.superuser)
    unit = Unit.objects.filter(
        translation_key=world.topic.translation_key, locale__language_code="ar"
    ).first()
    unit.target_text, unit.state = "نص", UnitState.REVIEW
    unit.save()
    approve = {"action": "approve", "select": unit.pk, f"version-{unit.pk}": unit.version}

    client.force_login(users["arabic translator"])
    refused_response = client.post(editor_url(world, "ar"), approve)
    state_after_translator = unit_state(unit)[0]
    client.force_login(users["arabic reviewer"])
    client.post(editor_url(world, "ar"), approve)

    assert refused_response.status_code == 403
    assert state_after_translator == UnitState.REVIEW
    assert unit_state(unit)[0] == UnitState.APPROVED
