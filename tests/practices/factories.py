"""Building blocks for the library's tests: a library page, practices, staff users."""

import itertools

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from wagtail.models import Locale

from welcome.practices.models import (
    Channel,
    Department,
    FocusArea,
    Goal,
    PracticeIndexPage,
    PracticePage,
    TargetGroup,
    UsedLanguage,
)
from welcome.practices.permissions import LIBRARY_EDITORS_GROUP
from welcome.practices.setup import department_group, ensure_library_setup

from ..factories import publish

_numbers = itertools.count(1)
TAXONOMIES = {
    "departments": Department,
    "focus_areas": FocusArea,
    "goals": Goal,
    "channels": Channel,
    "target_groups": TargetGroup,
}


def make_library(home, **fields):
    library = PracticeIndexPage(
        title=fields.pop("title", "God praksis"),
        slug=fields.pop("slug", "practices"),
        intro=fields.pop("intro", "Gode eksempler fra forvaltningerne."),
        **fields,
    )
    home.add_child(instance=library)
    publish(library)
    ensure_library_setup()
    return library


def make_practice(library, *, publish_it=True, languages=(), **fields):
    """A practice under ``library``; taxonomy fields take lists of slugs."""
    number = next(_numbers)
    relations = {name: fields.pop(name, []) for name in TAXONOMIES}
    department = fields.pop("department", "bif")
    practice = PracticePage(
        title=fields.pop("title", f"Praksis {number}"),
        slug=fields.pop("slug", f"praksis-{number}"),
        summary=fields.pop("summary", "Et kort resumé af praksissen."),
        what_was_done=fields.pop("what_was_done", "<p>Vi gjorde noget.</p>"),
        department=Department.objects.get(slug=department) if department else None,
        visibility=fields.pop("visibility", "public"),
        status=fields.pop("status", "proven"),
        live=publish_it,
        **fields,
    )
    for name, slugs in relations.items():
        getattr(practice, name).set(TAXONOMIES[name].objects.filter(slug__in=slugs))
    practice.languages.set(UsedLanguage.objects.filter(code__in=languages))
    if practice.department and practice.department not in practice.departments.all():
        practice.departments.add(practice.department)
    library.add_child(instance=practice)
    if publish_it:
        publish(practice)
    return PracticePage.objects.get(pk=practice.pk)


def translate_practice(practice, code, **changes):
    locale = Locale.objects.get(language_code=code)
    translation = practice.copy_for_translation(locale).specific
    translation.title = changes.pop("title", f"{practice.title} [{code}]")
    for name, value in changes.items():
        setattr(translation, name, value)
    return publish(translation)


def make_user(username, *, departments=(), editor=False, **extra):
    """A user who is staff of ``departments`` (slugs) and, with ``editor``, a library editor."""
    user = get_user_model().objects.create_user(username, f"{username}@example.invalid", "x" * 12)
    for slug in departments:
        user.groups.add(department_group(Department.objects.get(slug=slug)))
    if editor:
        user.groups.add(Group.objects.get(name=LIBRARY_EDITORS_GROUP))
    for name, value in extra.items():
        setattr(user, name, value)
    user.save()
    return user
