from datetime import timedelta

import pytest
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from welcome.feedback.models import Feedback, Kind


def make(topic, age_days, comment):
    return Feedback.objects.create(
        page=topic,
        language="tr",
        content_language="da",
        kind=Kind.NOT_HELPFUL,
        comment=comment,
        created_on=timezone.localdate() - timedelta(days=age_days),
    )


@override_settings(WELCOME_FEEDBACK_COMMENT_RETENTION_DAYS=30)
def test_comment_texts_older_than_the_retention_period_are_deleted(topic, capsys):
    old = make(topic, 31, "Gammel tekst")
    edge = make(topic, 30, "Præcis 30 dage")
    new = make(topic, 1, "Ny tekst")

    call_command("purge_feedback_comments")

    old.refresh_from_db()
    edge.refresh_from_db()
    new.refresh_from_db()
    assert (old.comment, old.comment_deleted) == ("", True)
    assert (old.kind, old.language, old.page_id) == (Kind.NOT_HELPFUL, "tr", topic.pk)  # kept
    assert (edge.comment, new.comment) == ("Præcis 30 dage", "Ny tekst")
    assert "Deleted 1 comment texts older than 30 days." in capsys.readouterr().out


def test_the_retention_period_can_be_given_on_the_command_line(topic):
    item = make(topic, 3, "Tre dage")
    call_command("purge_feedback_comments", "--days", "2")
    item.refresh_from_db()
    assert item.comment == ""


def test_a_negative_retention_period_is_refused(topic):
    item = make(topic, 3, "Bliver")
    with pytest.raises(CommandError, match=r"The retention period cannot be negative\."):
        call_command("purge_feedback_comments", "--days", "-1")
    item.refresh_from_db()
    assert item.comment == "Bliver"
