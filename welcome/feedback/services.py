"""What can be done with reader feedback: record it, assign it, mark it handled, turn it into a
communication challenge or a translation request, and delete old comment texts. Views, hooks and
commands call these."""

from datetime import timedelta

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from .models import Feedback, State


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
