"""Operations on practices, called by views, hooks, signals and commands."""

from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _
from wagtail.search import index

from welcome.core.models import BasePage
from welcome.core.translatable import synchronised_field_names

from . import permissions
from .models import Adoption, PracticePage


class AdoptionRefused(Exception):
    """The adoption cannot be recorded; the message says why, in the reader's language."""


def record_adoption(practice, department, user, note=""):
    """Department ``department`` uses ``practice`` too. Only its own staff (or a library editor)
    may say so, once, and not for the department that owns the practice."""
    if not permissions.is_staff(user):
        raise AdoptionRefused(
            _("Only City staff can record that their department uses a practice.")
        )
    if department.pk not in permissions.department_ids(user) and not permissions.is_library_editor(
        user
    ):
        raise AdoptionRefused(_("You can only speak for your own department."))
    if department.pk == practice.department_id:
        raise AdoptionRefused(_("This is your department's own practice."))
    try:
        with transaction.atomic():
            return Adoption.objects.create(
                practice_key=practice.translation_key,
                department=department,
                note=note.strip(),
                user=user,
            )
    except IntegrityError as error:
        raise AdoptionRefused(
            _("%(department)s has already said it uses this practice.") % {"department": department}
        ) from error


# --- Keeping the language versions of a practice in step -----------------------------------------

PAGE_TREE_FIELDS = set(synchronised_field_names(BasePage))


def synchronised_names():
    """Synchronised fields of a practice (facts, taxonomy, visibility), not the page tree's own."""
    return [n for n in synchronised_field_names(PracticePage) if n not in PAGE_TREE_FIELDS]


def synchronised_state(practice):
    """The synchronised values of ``practice``, comparable between language versions."""
    state = {}
    for name in synchronised_names():
        field = PracticePage._meta.get_field(name)
        if field.many_to_many:
            state[name] = sorted(item.pk for item in getattr(practice, name).all())
        elif field.one_to_many:
            state[name] = [_child_values(child) for child in getattr(practice, name).all()]
        else:
            state[name] = getattr(practice, field.attname)
    return state


def copy_synchronised(source, target):
    """Give ``target`` (another language version) the synchronised values of ``source``; return
    whether anything changed."""
    if synchronised_state(source) == synchronised_state(target):
        return False
    for name in synchronised_names():
        field = PracticePage._meta.get_field(name)
        if field.many_to_many:
            getattr(target, name).set(list(getattr(source, name).all()))
        elif field.one_to_many:
            children = [
                type(child)(**_child_values(child)) for child in getattr(source, name).all()
            ]
            setattr(target, name, children)
        else:
            setattr(target, name, getattr(source, name))
    return True


def _child_values(child):
    return {
        f.attname: getattr(child, f.attname)
        for f in child._meta.concrete_fields
        if not f.primary_key and f.name != "page"
    }


def forget_if_hidden(page):
    """The site-wide search index holds a practice while it is live and public, never otherwise.
    (Saving a public practice indexes it already; only the way out needs help.)"""
    if page.is_internal or not page.live:
        index.remove_object(page)


@transaction.atomic
def push_to_translations(source):
    """After the source language version is published: the live row of every other language
    version takes its synchronised values at once (an internal practice is internal everywhere)."""
    for target in PracticePage.objects.filter(translation_key=source.translation_key).exclude(
        pk=source.pk
    ):
        if copy_synchronised(source, target):
            target.save(clean=False)
            forget_if_hidden(target)


@transaction.atomic
def pull_from_source(target):
    """After another language version is published: it keeps the source's synchronised values,
    even if its revision was drafted before the source changed."""
    source = source_version(target)
    if source is None or source.pk == target.pk:
        return
    if copy_synchronised(source, target):
        target.save(clean=False)


def source_version(practice):
    """The practice in the source language, if there is one."""
    from welcome.languages import registry

    return PracticePage.objects.filter(
        translation_key=practice.translation_key,
        locale__language_code=registry.source().code,
    ).first()
