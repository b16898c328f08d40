"""Who may do what in the translation engine, per language.

Groups are named from the language registry: "Translators – <English name>" and
"Reviewers – <English name>" for each active language, and "Communication officers". A user's
roles are read from their group names once per request (``roles_for``) and checked on the server
by every view, command and service.

- translators edit units of their languages, never the Danish source;
- reviewers edit and approve units of their languages, and publish translations in them;
- officers (and superusers) request translations and see everything.
"""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from welcome.languages import registry as languages

OFFICERS_GROUP = "Communication officers"
TRANSLATORS_PREFIX = "Translators – "
REVIEWERS_PREFIX = "Reviewers – "


def translators_group_name(language):
    return f"{TRANSLATORS_PREFIX}{language.english_name}"


def reviewers_group_name(language):
    return f"{REVIEWERS_PREFIX}{language.english_name}"


def workflow_name(language):
    return f"Review by {language.english_name} reviewers"


class PermissionDenied(Exception):
    """Refused; the message says why in the user's language."""


@dataclass(frozen=True)
class Roles:
    superuser: bool
    officer: bool
    translates: frozenset
    reviews: frozenset

    @property
    def languages(self):
        """Codes of the languages this user works in (everything for officers)."""
        if self.superuser or self.officer:
            return frozenset(languages.active_codes()) - {settings.WELCOME_SOURCE_LANGUAGE}
        return self.translates | self.reviews

    def can_translate(self, code):
        if code == settings.WELCOME_SOURCE_LANGUAGE or not languages.is_supported(code):
            return False
        return self.superuser or code in self.translates or code in self.reviews

    def can_review(self, code):
        if code == settings.WELCOME_SOURCE_LANGUAGE or not languages.is_supported(code):
            return False
        return self.superuser or code in self.reviews

    @property
    def can_request(self):
        return self.superuser or self.officer

    @property
    def can_see_overview(self):
        return self.superuser or self.officer or bool(self.translates or self.reviews)


NO_ROLES = Roles(False, False, frozenset(), frozenset())


def roles_for(user):
    """The user's roles, computed once per user object."""
    if user is None or not user.is_authenticated or not user.is_active:
        return NO_ROLES
    cached = getattr(user, "_translation_roles", None)
    if cached is not None:
        return cached
    names = set(user.groups.values_list("name", flat=True))
    translates, reviews = set(), set()
    for language in languages.supported():
        if translators_group_name(language) in names:
            translates.add(language.code)
        if reviewers_group_name(language) in names:
            reviews.add(language.code)
    roles = Roles(
        superuser=user.is_superuser,
        officer=OFFICERS_GROUP in names or user.has_perm("translation.request_translation"),
        translates=frozenset(translates),
        reviews=frozenset(reviews),
    )
    user._translation_roles = roles
    return roles


def require_translate(user, code):
    if not roles_for(user).can_translate(code):
        raise PermissionDenied(_("You may not translate into this language."))


def require_review(user, code):
    if not roles_for(user).can_review(code):
        raise PermissionDenied(_("You may not approve translations in this language."))


def require_request(user):
    if not roles_for(user).can_request:
        raise PermissionDenied(_("Only communication officers may request translations."))
