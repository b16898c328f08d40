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

import re
from dataclasses import dataclass

import pytest
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.urls import URLResolver, get_resolver, reverse
from django.utils import timezone
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode
from wagtail.admin.models import EditingSession
from wagtail.contrib.redirects.models import Redirect
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.images.tests.utils import get_test_image_file
from wagtail.models import (
    Collection,
    GroupApprovalTask,
    Locale,
    Page,
    Site,
    TaskState,
    UploadedFile,
    Workflow,
    WorkflowState,
)

from welcome.feedback.models import Feedback, Kind
from welcome.languages import registry as languages
from welcome.practices import models as practice_models
from welcome.signs.models import Sign
from welcome.translation import registry as translation_registry
from welcome.translation import roles as translation_roles
from welcome.translation import services as translation_services
from welcome.translation import setup as translation_setup
from welcome.translation.models import TranslationRequest, Unit, UnitState
from welcome.translation.terminology.models import Concept, DiscouragedTerm
from welcome.videos.models import Video

from ..factories import TopicPageFactory, make_home, translate
from ..practices.factories import make_library, make_practice, make_user

SECRET = "Zzsecret"
REFUSED = {403, 404, 405}
LOGIN = "/admin/login/"
DASHBOARD = "/admin/"


def admin_patterns():
    """``(route, name, parameter names)`` of every URL pattern under ``admin/``."""

    def walk(patterns, prefix, namespace):
        for pattern in patterns:
            if isinstance(pattern, URLResolver):
                inner = pattern.namespace or None
                if namespace and inner:
                    inner = f"{namespace}:{inner}"
                yield from walk(
                    pattern.url_patterns, prefix + str(pattern.pattern), inner or namespace
                )
            elif pattern.name:
                route = prefix + str(pattern.pattern)
                name = f"{namespace}:{pattern.name}" if namespace else pattern.name
                params = re.findall(r"<(?:\w+:)?(\w+)>|\(\?P<(\w+)>", route)
                yield route, name, [a or b for a, b in params]

    return [p for p in walk(get_resolver().url_patterns, "", None) if p[0].startswith("admin/")]


@dataclass
class World:
    """The objects the sweep points URLs at; their titles start with SECRET."""

    home: Page
    topic: Page
    practice: Page
    practice_revision: int
    superuser: object
    group: Group
    site: Site
    collection: Collection
    image: Image
    document: Document
    redirect: Redirect
    workflow: Workflow
    task: GroupApprovalTask
    workflow_state: WorkflowState
    task_state: TaskState
    uploaded_file: UploadedFile
    editing_session: EditingSession
    urdu_unit: Unit
    feedback: Feedback


def build_world():
    home = make_home()
    library = make_library(home)
    topic = TopicPageFactory(
        parent=home, title=f"{SECRET} topic draft", slug="zz-topic", live=False
    )
    practice = make_practice(
        library,
        title=f"{SECRET} practice of another department",
        department="sof",
        publish_it=False,
    )
    revision = practice.save_revision()
    superuser = get_user_model().objects.create_superuser(
        "zz-root", "zz-root@example.invalid", "x" * 12, first_name=SECRET, last_name="Root"
    )
    workflow = Workflow.objects.create(name=f"{SECRET} workflow")
    task = GroupApprovalTask.objects.create(name=f"{SECRET} task")
    workflow_state = Workflow.objects.get(name="Good-practice moderation").start(
        practice, superuser
    )
    collection = Collection.get_first_root_node().add_child(name=f"{SECRET} collection")
    document = Document.objects.create(
        title=f"{SECRET} document",
        file=ContentFile(b"secret", name="zz.txt"),
        collection=collection,
    )
    for code in ("ar", "ur"):
        translate(home, code)
    translation_setup.ensure_all()  # the engine's groups; reviewers' pages are the new homes
    return World(
        home=home,
        topic=topic,
        practice=practice,
        practice_revision=revision.pk,
        superuser=superuser,
        group=Group.objects.create(name=f"{SECRET} group"),
        site=Site.objects.create(
            hostname="zz.example.invalid",
            site_name=f"{SECRET} site",
            root_page=Page.get_first_root_node().add_child(title="Zz", slug="zz-site-root"),
            port=8443,
        ),
        collection=collection,
        image=Image.objects.create(
            title=f"{SECRET} image", file=get_test_image_file(), collection=collection
        ),
        document=document,
        redirect=Redirect.objects.create(old_path="/zzsecret-redirect", redirect_link="/x/"),
        workflow=workflow,
        task=task,
        workflow_state=workflow_state,
        task_state=workflow_state.current_task_state,
        uploaded_file=UploadedFile.objects.create(
            file=ContentFile(b"secret", name="zz-upload.txt"), uploaded_by_user=superuser
        ),
        editing_session=EditingSession.objects.create(
            user=superuser,
            content_type=ContentType.objects.get_for_model(Page),
            object_id=str(practice.pk),
            last_seen_at=timezone.now(),
        ),
        urdu_unit=urdu_work(topic, superuser),
        feedback=Feedback.objects.create(
            page=topic,
            language="ur",
            content_language="da",
            kind=Kind.TRANSLATION_WRONG,
            comment=f"{SECRET} feedback comment",
        ),
    )


def urdu_work(topic, officer):
    """An Urdu request for the topic draft (its note secret) and one of its units translated."""
    translation_services.request_translation(
        topic, ["ur"], requested_by=officer, note=f"{SECRET} urdu request note"
    )
    unit = Unit.objects.filter(
        translation_key=topic.translation_key, locale__language_code="ur"
    ).first()
    unit.target_text = f"{SECRET} urdu unit"
    unit.state = UnitState.REVIEW
    unit.save()
    return unit


# --- filling path parameters ----------------------------------------------------------------

SNIPPET_MODELS = {
    "signs_sign": Sign,
    "videos_video": Video,
    "terminology_concept": Concept,  # seeded terminology: always present
    "terminology_discouragedterm": DiscouragedTerm,
    **{
        f"practices_{name}": getattr(practice_models, cls)
        for name, cls in {
            "challenge": "Challenge",
            "adoption": "Adoption",
            "department": "Department",
            "focusarea": "FocusArea",
            "goal": "Goal",
            "channel": "Channel",
            "targetgroup": "TargetGroup",
            "usedlanguage": "UsedLanguage",
        }.items()
    },
}


def pk_for(name, world):
    """The object a ``pk`` parameter points at, by the URL's namespace."""
    namespace = name.rsplit(":", 1)[0]
    by_namespace = {
        "wagtailusers_users": world.superuser.pk,
        "wagtailusers_groups": world.group.pk,
        "wagtailsites": world.site.pk,
        "wagtaillocales": Locale.objects.get(language_code="ar").pk,
        "wagtailadmin_collections": world.collection.pk,
        "wagtailadmin_workflows": world.workflow.pk,
        "wagtailadmin_api:pages": world.practice.pk,
        "wagtailadmin_api:images": world.image.pk,
        "wagtailadmin_api:documents": world.document.pk,
        "wagtaildocs_chooser": world.document.pk,
        "wagtailimages_chooser": world.image.pk,
        "wagtailadmin_pages": world.practice.pk,
        "wagtailsettings": world.site.pk,  # no settings model is registered: always 404
        "translation": world.urdu_unit.pk,
        "feedback_admin": world.feedback.pk,
    }
    if namespace in by_namespace:
        if "task" in name and namespace == "wagtailadmin_workflows":
            return world.task.pk
        return by_namespace[namespace]
    for key, model in SNIPPET_MODELS.items():
        if namespace.endswith(key):
            return object_of(model, world).pk
    raise LookupError(f"no pk filler for {name}")


def object_of(model, world):
    existing = model.objects.order_by("pk").first()
    if existing is not None:
        return existing
    if model is Sign:
        return Sign.objects.create(
            name=f"{SECRET} sign",
            headline="Velkommen",
            message="Book en tid.",
            code="zz-sign",
            languages="da",
            locale=Locale.objects.get(language_code="da"),
        )
    if model is Video:
        return Video.objects.create(title=f"{SECRET} video", file=ContentFile(b"x", name="zz.mp4"))
    if model is practice_models.Adoption:
        return practice_models.Adoption.objects.create(
            practice_key=world.practice.translation_key,
            department=practice_models.Department.objects.get(slug="sof"),
            note=f"{SECRET} adoption",
            user=world.superuser,
        )
    if model is practice_models.Challenge:
        return practice_models.Challenge.objects.create(
            title=f"{SECRET} challenge",
            description="x",
            source=practice_models.Challenge._meta.get_field("source").choices[0][0],
        )
    raise LookupError(f"no {model.__name__} to point at")


def filled(name, params, world):
    """Keyword arguments for ``reverse(name)``, each pointing outside the role's scope."""
    page = world.practice.pk
    values = {
        "page_id": page,
        "parent_page_id": page,
        "page_to_move_id": page,
        "page_pk": page,
        "destination_id": world.home.pk,
        "revision_id": world.practice_revision,
        "revision_id_a": "earliest",
        "revision_id_b": "latest",
        "image_id": world.image.pk,
        "document_id": world.document.pk,
        "doc_id": world.document.pk,
        "collection_id": world.collection.pk,
        "redirect_id": world.redirect.pk,
        "workflow_pk": world.workflow.pk,
        "task_id": world.task.pk,
        "task_state_id": world.task_state.pk,
        "workflow_state_id": world.workflow_state.pk,
        "uploaded_file_id": world.uploaded_file.pk,
        "session_id": world.editing_session.pk,
        "object_id": str(world.practice.pk),
        "action_name": "approve",
        "action": "delete",
        "filter_spec": "fill-10x10",
        "uidb64": urlsafe_base64_encode(force_bytes(world.superuser.pk)),
        "token": "set-password",
        "content_type_app_name": "pages",
        "content_type_model_name": "topicpage",
        "app_label": "wagtailcore",
        "app_name": "pages",
        "model_name": "topicpage",
        # The translation editor and preview: the topic draft in Urdu.
        "content_type_id": translation_registry.content_type_of(world.topic).pk,
        "translation_key": world.topic.translation_key,
        "code": "ur",
    }
    if "editing_sessions" in name or name.endswith("bulk_action"):
        values.update(app_label="wagtailcore", model_name="page")
    if "tasks" in name or "task_chooser" in name:
        values.update(app_label="wagtailcore", model_name="groupapprovaltask")
    if "settings" in name:
        values.update(app_name="wagtailcore", model_name="site")
    kwargs = {}
    for param in params:
        kwargs[param] = pk_for(name, world) if param == "pk" else values[param]
    return kwargs


def sweep_urls(world):
    urls, unfillable = [], []
    for route, name, params in admin_patterns():
        if route.endswith("^.*/$"):  # the admin's catch-all 404
            urls.append((name, "/admin/zz-no-such-view/"))
            continue
        try:
            urls.append((name, reverse(name, kwargs=filled(name, params, world))))
        except (LookupError, KeyError) as error:
            unfillable.append(f"{route} ({name}): {error}")
    return urls, unfillable


# --- roles ------------------------------------------------------------------------------------

# The secret objects, by the start of their titles (build_world).
TOPIC_DRAFT = f"{SECRET} topic draft"
PRACTICE = f"{SECRET} practice of another department"
USER = f"{SECRET} Root"
GROUP = f"{SECRET} group"
SITE = f"{SECRET} site"
IMAGE = f"{SECRET} image"
DOCUMENT = f"{SECRET} document"
REDIRECT = "/zzsecret-redirect"
WORKFLOW = f"{SECRET} workflow"
TASK = f"{SECRET} task"
URDU_UNIT = f"{SECRET} urdu unit"
URDU_NOTE = f"{SECRET} urdu request note"
FEEDBACK = f"{SECRET} feedback comment"
EVERYTHING = {
    TOPIC_DRAFT,
    PRACTICE,
    USER,
    GROUP,
    SITE,
    IMAGE,
    DOCUMENT,
    REDIRECT,
    WORKFLOW,
    TASK,
    URDU_UNIT,
    URDU_NOTE,
    FEEDBACK,
}


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
