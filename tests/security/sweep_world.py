"""The world the authorization sweep walks: objects outside every role's scope, each titled with
the SECRET marker, and every admin URL pattern filled with them."""

import re
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
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
from welcome.practices import models as practice_models
from welcome.signs.models import Sign
from welcome.translation import registry as translation_registry
from welcome.translation import services as translation_services
from welcome.translation import setup as translation_setup
from welcome.translation.models import Unit, UnitState
from welcome.translation.terminology.models import Concept, DiscouragedTerm
from welcome.videos.models import Video

from ..factories import TopicPageFactory, make_home, translate
from ..practices.factories import make_library, make_practice

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
