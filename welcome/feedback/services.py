"""What can be done with reader feedback: record it, assign it, mark it handled, turn it into a
communication challenge or a translation request, and delete old comment texts. Views, hooks and
commands call these."""

from datetime import timedelta

from django.conf import settings
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from wagtail.models import Page

from .models import Feedback, Kind, State


class FeedbackError(Exception):
    """An action that cannot be done; the message is for the officer."""


def record_feedback(*, page, language, kind, comment):
    """Store one message: the page, the reader's language, the day and the text, nothing more."""
    return Feedback.objects.create(
        page=page,
        language=language,
        content_language=page.locale.language_code,
        kind=kind,
        comment=comment.strip(),
    )


def assign(feedback, assignee):
    feedback.assignee = assignee
    feedback.save(update_fields=["assignee"])
    return feedback


def mark_handled(feedback, handled=True):
    feedback.state = State.HANDLED if handled else State.OPEN
    feedback.handled_on = timezone.localdate() if handled else None
    feedback.save(update_fields=["state", "handled_on"])
    return feedback


def turn_into_challenge(feedback, *, title):
    """A communication challenge (source: reader feedback) for the page and the reader's language;
    the feedback is marked handled and linked to it."""
    from welcome.practices.models import Challenge, ChallengePage, Source, UsedLanguage

    if feedback.challenge_id:
        raise FeedbackError(_("This feedback is already a communication challenge."))
    title = title.strip()
    if not title:
        raise FeedbackError(_("Give the challenge a title."))
    with transaction.atomic():
        challenge = Challenge.objects.create(
            title=title[:200],
            description=_describe(feedback),
            source=Source.READER_FEEDBACK,
        )
        language = UsedLanguage.objects.filter(code=feedback.language).first()
        if language is not None:
            challenge.languages.add(language)
        if feedback.page_id:
            ChallengePage.objects.create(challenge=challenge, page_id=feedback.page_id)
        feedback.challenge = challenge
        feedback.save(update_fields=["challenge"])
        mark_handled(feedback)
    return challenge


def turn_into_translation_request(feedback, *, user, assignee=None, due=None):
    """A request, in the reader's language's queue (its translators' team, or ``assignee`` from
    it), to look at the Danish source page again; the reader's words go in the note. Wrong or
    offensive translations are asked for with high priority."""
    from welcome.translation.models import Priority
    from welcome.translation.roles import PermissionDenied as TranslationRefused
    from welcome.translation.services import request_translation

    if feedback.translation_request_id:
        raise FeedbackError(_("A translation request was already made from this feedback."))
    if feedback.page_id is None:
        raise FeedbackError(_("The page was deleted."))
    source = settings.WELCOME_SOURCE_LANGUAGE
    if feedback.language == source:
        raise FeedbackError(_("The reader read the Danish page: there is nothing to translate."))
    source_page = (
        Page.objects.filter(
            translation_key=feedback.page.translation_key, locale__language_code=source
        )
        .specific()
        .first()
    )
    if source_page is None:
        raise FeedbackError(_("The page has no Danish version to translate from."))
    urgent = feedback.kind in (Kind.TRANSLATION_WRONG, Kind.TRANSLATION_OFFENSIVE)
    try:
        with transaction.atomic():
            made = request_translation(
                source_page,
                [feedback.language],
                requested_by=user,
                assignee=assignee,
                due=due,
                priority=Priority.HIGH if urgent else Priority.NORMAL,
                note=_describe(feedback),
            )
            feedback.translation_request = made[0]
            feedback.save(update_fields=["translation_request"])
            mark_handled(feedback)
    except (ValueError, TranslationRefused) as error:
        raise FeedbackError(str(error)) from error
    return made[0]


def translators_for(language_code):
    """The members of the language's translators' and reviewers' groups (who a request in that
    language can be assigned to)."""
    from django.contrib.auth import get_user_model

    from welcome.languages import registry
    from welcome.translation import roles

    if not registry.is_supported(language_code):
        return get_user_model().objects.none()
    language = registry.get(language_code)
    groups = [roles.translators_group_name(language), roles.reviewers_group_name(language)]
    return (
        get_user_model()
        .objects.filter(is_active=True, groups__name__in=groups)
        .distinct()
        .order_by("username")
    )


def _describe(feedback):
    lines = [
        _("Reader feedback of %(day)s: %(kind)s (reader's language: %(language)s).")
        % {
            "day": feedback.created_on,
            "kind": feedback.get_kind_display(),
            "language": feedback.language,
        }
    ]
    if feedback.comment:
        lines.append(feedback.comment)
    return "\n\n".join(lines)


def purge_comments(days, today=None):
    """Delete comment texts older than ``days`` days; return how many were deleted."""
    today = today or timezone.localdate()
    cutoff = today - timedelta(days=days)
    return Feedback.objects.comments_older_than(cutoff).update(comment="", comment_deleted=True)
