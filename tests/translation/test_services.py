"""Requests, saving with versions, review, apply and publish."""

import pytest
from django.core import mail

from tests.factories import publish
from welcome.pages.models import TopicPage
from welcome.translation import services
from welcome.translation.models import TranslationRequest, Unit, UnitState
from welcome.translation.roles import PermissionDenied


def translate_all(units, user, suffix=" [ar]"):
    for unit in units:
        text = unit.source_text + suffix
        services.save_unit(unit, text, version=unit.version, user=user)


def test_requesting_creates_units_and_a_request_and_mails_the_assignee(site, users, arabic):
    topic = site["topic"]

    made = services.request_translation(
        topic, ["ar"], requested_by=users["officer"], assignee=users["translator_ar"]
    )

    assert [(r.locale.language_code, r.title) for r in made] == [("ar", topic.title)]
    units = list(services.units_for(topic, arabic))
    assert units and {u.state for u in units} == {UnitState.UNTRANSLATED}
    assert "body" in {u.key.split("/")[0] for u in units}
    assert [m.to for m in mail.outbox] == [["translator-ar@example.invalid"]]
    assert topic.title in mail.outbox[0].body


def test_a_translator_cannot_request_and_nothing_is_created(site, users):
    with pytest.raises(PermissionDenied):
        services.request_translation(site["topic"], ["ar"], requested_by=users["translator_ar"])

    assert not Unit.objects.exists()
    assert not TranslationRequest.objects.exists()


def test_requesting_the_source_language_or_an_unknown_one_is_refused(site, users):
    for codes in (["da"], ["xx"], []):
        with pytest.raises(ValueError):
            services.request_translation(site["topic"], codes, requested_by=users["officer"])
    assert not Unit.objects.exists()


def test_subtree_request_covers_descendants(site, users, arabic):
    made = services.request_translation(
        site["home"], ["ar", "ur"], requested_by=users["officer"], subtree=True
    )

    assert {(r.title, r.locale.language_code) for r in made} == {
        (title, code)
        for title in (site["home"].title, site["topic"].title)
        for code in ("ar", "ur")
    }


def test_a_stale_save_is_a_conflict_and_keeps_the_other_text(site, users, arabic):
    services.request_translation(site["topic"], ["ar"], requested_by=users["officer"])
    unit = services.units_for(site["topic"], arabic).first()
    first = services.save_unit(unit, "أول", version=unit.version, user=users["translator_ar"])

    with pytest.raises(services.Conflict) as raised:
        services.save_unit(unit, "ثاني", version=unit.version, user=users["reviewer_ar"])

    assert raised.value.unit.target_text == "أول"
    unit.refresh_from_db()
    assert (unit.target_text, unit.version) == ("أول", first.version)


def test_rich_text_that_loses_a_link_is_refused(site, users, arabic):
    services.request_translation(site["topic"], ["ar"], requested_by=users["officer"])
    unit = next(u for u in services.units_for(site["topic"], arabic) if u.kind == "rich")

    with pytest.raises(services.InvalidTranslation, match="a1"):
        services.save_unit(
            unit, "<p>بدون رابط</p>", version=unit.version, user=users["translator_ar"]
        )

    unit.refresh_from_db()
    assert (unit.target_text, unit.state) == ("", UnitState.UNTRANSLATED)


def test_translate_review_approve_apply_publishes_arabic(
    site, users, arabic, django_capture_on_commit_callbacks
):
    topic = site["topic"]
    services.request_translation(topic, ["ar"], requested_by=users["officer"])
    units = list(services.units_for(topic, arabic))
    translate_all(units, users["translator_ar"])
    units = list(services.units_for(topic, arabic))
    assert services.submit_for_review(units, user=users["translator_ar"]) == len(units)
    units = list(services.units_for(topic, arabic))
    with pytest.raises(PermissionDenied):
        services.approve(units, user=users["translator_ar"])
    assert services.approve(units, user=users["reviewer_ar"]) == len(units)

    with django_capture_on_commit_callbacks(execute=True):
        _target, published = services.apply_translation(topic, arabic, user=users["reviewer_ar"])

    assert published
    arabic_page = TopicPage.objects.get(translation_key=topic.translation_key, locale=arabic)
    assert arabic_page.live
    assert arabic_page.title == f"{topic.title} [ar]"
    assert arabic_page.intro == f"{topic.intro} [ar]"
    assert 'href="https://www.kk.dk"' in str(arabic_page.body.raw_data)
    contact = next(b for b in arabic_page.body.raw_data if b["type"] == "contact")
    assert contact["value"]["phone"] == "+45 33 66 33 66"
    assert contact["value"]["name"] == "Borgerservice [ar]"
    assert not TranslationRequest.objects.open().exists()


def test_apply_with_unapproved_segments_is_refused(site, users, arabic):
    services.request_translation(site["topic"], ["ar"], requested_by=users["officer"])

    with pytest.raises(services.TranslationIncomplete):
        services.apply_translation(site["topic"], arabic, user=users["reviewer_ar"])

    assert not TopicPage.objects.filter(locale=arabic).exists()


def test_publishing_arabic_never_publishes_a_pending_danish_draft(
    site, users, arabic, django_capture_on_commit_callbacks
):
    topic = site["topic"]
    services.request_translation(topic, ["ar"], requested_by=users["officer"])
    translate_all(services.units_for(topic, arabic), users["translator_ar"])
    services.approve(list(services.units_for(topic, arabic)), user=users["reviewer_ar"])
    draft = TopicPage.objects.get(pk=topic.pk)
    draft.intro = "Kladde: nyt tekst, ikke godkendt."
    draft.save_revision()

    with django_capture_on_commit_callbacks(execute=True):
        services.apply_translation(topic, arabic, user=users["reviewer_ar"])

    live = TopicPage.objects.get(pk=topic.pk)
    assert live.intro == topic.intro
    assert live.has_unpublished_changes
    assert live.get_latest_revision_as_object().intro == "Kladde: nyt tekst, ikke godkendt."
    arabic_page = TopicPage.objects.get(translation_key=topic.translation_key, locale=arabic)
    assert arabic_page.intro == f"{topic.intro} [ar]"
    assert "Kladde" not in str(arabic_page.body.raw_data)


def test_a_translator_without_publish_rights_sends_the_translation_to_the_workflow(
    site, users, arabic, django_capture_on_commit_callbacks
):
    topic = site["topic"]
    services.request_translation(topic, ["ar"], requested_by=users["officer"])
    translate_all(services.units_for(topic, arabic), users["translator_ar"])
    services.approve(list(services.units_for(topic, arabic)), user=users["reviewer_ar"])

    with django_capture_on_commit_callbacks(execute=True):
        target, published = services.apply_translation(topic, arabic, user=users["translator_ar"])

    assert not published
    target = TopicPage.objects.get(pk=target.pk)
    assert not target.live
    state = target.current_workflow_state
    assert state is not None and state.workflow.name == "Review by Arabic reviewers"


def test_moving_and_renaming_the_source_keeps_units_linked(site, users, arabic):
    topic = site["topic"]
    services.request_translation(topic, ["ar"], requested_by=users["officer"])
    before = set(services.units_for(topic, arabic).values_list("pk", flat=True))
    section = publish(
        site["home"].add_child(
            instance=TopicPage(title="Sektion", slug="sektion", intro="Alt om bolig.")
        )
    )
    topic = TopicPage.objects.get(pk=topic.pk)
    topic.move(section, pos="last-child")
    topic = TopicPage.objects.get(pk=topic.pk)
    topic.slug = "nyt-navn"
    publish(topic)

    units = services.units_for(TopicPage.objects.get(pk=topic.pk), arabic)
    assert set(units.values_list("pk", flat=True)) == before


def test_submitting_for_review_mails_the_languages_reviewers(site, users, arabic):
    services.request_translation(site["topic"], ["ar"], requested_by=users["officer"])
    translate_all(services.units_for(site["topic"], arabic), users["translator_ar"])
    mail.outbox.clear()

    services.submit_for_review(
        list(services.units_for(site["topic"], arabic)), user=users["translator_ar"]
    )

    assert [m.to for m in mail.outbox] == [["reviewer-ar@example.invalid"]]
    assert "Arabic" in mail.outbox[0].subject


def test_approving_the_workflow_publishes_arabic_and_closes_the_request(
    site, users, arabic, django_capture_on_commit_callbacks
):
    topic = site["topic"]
    services.request_translation(topic, ["ar"], requested_by=users["officer"])
    translate_all(services.units_for(topic, arabic), users["translator_ar"])
    services.approve(list(services.units_for(topic, arabic)), user=users["reviewer_ar"])
    with django_capture_on_commit_callbacks(execute=True):
        target, _published = services.apply_translation(topic, arabic, user=users["translator_ar"])
    assert TranslationRequest.objects.open().exists()

    target = TopicPage.objects.get(pk=target.pk)
    task_state = target.current_workflow_state.current_task_state
    with django_capture_on_commit_callbacks(execute=True):
        task_state.task.specific.on_action(task_state, users["reviewer_ar"], "approve")

    target = TopicPage.objects.get(pk=target.pk)
    assert target.live and target.intro == f"{topic.intro} [ar]"
    assert not TranslationRequest.objects.open().exists()
