"""Snippets go through the same engine; activating a language creates its roles and workflow."""

import pytest
from django.contrib.auth.models import Group
from wagtail.models import GroupApprovalTask, Locale, Workflow

from welcome.languages.services import activate_language
from welcome.signs.models import Sign
from welcome.translation import services
from welcome.translation.models import UnitState
from welcome.translation.roles import PermissionDenied


@pytest.fixture
def sign(site, django_capture_on_commit_callbacks):
    sign = Sign(
        locale=Locale.objects.get(language_code="da"),
        name="Borgerservice",
        headline="Velkommen til Borgerservice",
        message="Træk et nummer. Ring 33 66 33 66 ved spørgsmål.",
        code="borgerservice",
        languages="da, ar",
    )
    sign.save()
    with django_capture_on_commit_callbacks(execute=True):
        sign.save_revision().publish()
    return Sign.objects.get(pk=sign.pk)


def test_a_sign_is_translated_approved_and_published_in_arabic(
    sign, users, arabic, django_capture_on_commit_callbacks
):
    services.request_translation(sign, ["ar"], requested_by=users["officer"])
    units = list(services.units_for(sign, arabic))
    assert {u.key for u in units} == {"headline", "message"}
    for unit in units:
        services.save_unit(
            unit, f"ar: {unit.source_text}", version=unit.version, user=users["translator_ar"]
        )
    services.approve(list(services.units_for(sign, arabic)), user=users["reviewer_ar"])

    with pytest.raises(PermissionDenied):
        services.apply_translation(sign, arabic, user=users["translator_ur"])
    with django_capture_on_commit_callbacks(execute=True):
        target, published = services.apply_translation(sign, arabic, user=users["reviewer_ar"])

    target = Sign.objects.get(pk=target.pk)
    assert published and target.live
    assert target.headline == "ar: Velkommen til Borgerservice"
    assert (target.code, target.languages, target.translation_key) == (
        sign.code,
        sign.languages,
        sign.translation_key,
    )


def test_publishing_the_danish_sign_outdates_the_arabic_units(
    sign, users, arabic, django_capture_on_commit_callbacks
):
    services.request_translation(sign, ["ar"], requested_by=users["officer"])
    for unit in services.units_for(sign, arabic):
        services.save_unit(unit, "نص", version=unit.version, user=users["translator_ar"])
    services.approve(list(services.units_for(sign, arabic)), user=users["reviewer_ar"])

    sign.message = "Træk et nummer. Ring 33 66 33 99 ved spørgsmål."
    with django_capture_on_commit_callbacks(execute=True):
        sign.save_revision().publish()

    message = services.units_for(sign, arabic).get(key="message")
    assert (message.state, message.critical) == (UnitState.OUTDATED, True)
    assert services.units_for(sign, arabic).get(key="headline").state == UnitState.APPROVED


def test_activating_a_language_creates_its_groups_and_review_workflow(site):
    activate_language("ti")

    assert Group.objects.filter(name="Translators – Tigrinya").exists()
    assert Group.objects.filter(name="Reviewers – Tigrinya").exists()
    workflow = Workflow.objects.get(name="Review by Tigrinya reviewers")
    task = GroupApprovalTask.objects.get(workflow_tasks__workflow=workflow)
    assert list(task.groups.values_list("name", flat=True)) == ["Reviewers – Tigrinya"]
    home = site["home"].get_translation(Locale.objects.get(language_code="ti"))
    assert home.get_workflow() == workflow
