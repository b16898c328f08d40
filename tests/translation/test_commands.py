import json
from io import StringIO

import pytest
from django.core.management import CommandError, call_command

from welcome.translation import services
from welcome.translation.models import TranslationRequest, Unit

from .test_services import translate_all


def run(*args):
    out = StringIO()
    call_command(*args, stdout=out)
    return out.getvalue()


def test_request_translation_command_with_subtree_and_languages(site, users):
    output = run(
        "request_translation",
        "--page",
        str(site["home"].pk),
        "--subtree",
        "--language",
        "ar",
        "--language",
        "ur",
        "--priority",
        "high",
    )
    run(
        "request_translation",
        "--page",
        str(site["topic"].pk),
        "--language",
        "ar",
        "--assignee",
        "translator-ar",
        "--due",
        "2026-12-01",
    )

    assert "4 translation requests" in output
    assert TranslationRequest.objects.filter(locale__language_code="ar").count() == 2
    assigned = TranslationRequest.objects.get(
        translation_key=site["topic"].translation_key, locale__language_code="ar"
    )
    assert (assigned.assignee.username, str(assigned.due), assigned.priority) == (
        "translator-ar",
        "2026-12-01",
        3,
    )


def test_request_translation_command_refuses_bad_input_and_changes_nothing(site, users):
    for args in (
        ["--page", "999999", "--language", "ar"],
        ["--page", str(site["topic"].pk), "--language", "da"],
        ["--page", str(site["topic"].pk), "--language", "ar", "--due", "next week"],
    ):
        with pytest.raises(CommandError):
            run("request_translation", *args)
    assert not TranslationRequest.objects.exists()
    assert not Unit.objects.exists()


def test_translation_status_counts_states_and_critical_per_object_and_language(site, users, arabic):
    topic = site["topic"]
    services.request_translation(topic, ["ar", "ur"], requested_by=users["officer"])
    units = list(services.units_for(topic, arabic))
    translate_all(units[:2], users["translator_ar"])

    rows = json.loads(run("translation_status", "--json", "--language", "ar"))

    assert len(rows) == 1
    (row,) = rows
    assert (row["object"], row["language"]) == (topic.title, "ar")
    assert row["units"]["draft"] == 2
    assert row["units"]["untranslated"] == len(units) - 2
    assert row["units"]["critical"] == 0
    table = run("translation_status")
    assert f"{topic.title}\tur\t{len(units)}\t0" in table
