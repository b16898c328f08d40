"""Publishing the Danish source: outdated, critical, minor edit, new and removed segments."""

import pytest

from welcome.pages.models import TopicPage
from welcome.translation import services
from welcome.translation.models import UnitState

from .test_services import translate_all


@pytest.fixture
def approved(site, users, arabic):
    """The topic fully translated into Arabic and approved."""
    topic = site["topic"]
    services.request_translation(topic, ["ar"], requested_by=users["officer"])
    translate_all(services.units_for(topic, arabic), users["translator_ar"])
    services.approve(list(services.units_for(topic, arabic)), user=users["reviewer_ar"])
    return topic


def republish(topic, captured, minor=False, **changes):
    page = TopicPage.objects.get(pk=topic.pk)
    for name, value in changes.items():
        setattr(page, name, value)
    with captured(execute=True), services.minor_edit(minor):
        page.save_revision().publish()
    return page


def unit(topic, locale, key):
    return services.units_for(topic, locale).get(key=key)


def test_a_changed_segment_becomes_outdated_keeping_old_source_and_translation(
    approved, arabic, django_capture_on_commit_callbacks
):
    old_intro = approved.intro
    republish(approved, django_capture_on_commit_callbacks, intro="Dit CPR-nummer er vigtigt.")

    intro = unit(approved, arabic, "intro")
    assert intro.state == UnitState.OUTDATED
    assert not intro.critical
    assert intro.previous_source == old_intro
    assert intro.previous_target == f"{old_intro} [ar]"
    assert intro.approved_text == f"{old_intro} [ar]"
    assert intro.source_text == "Dit CPR-nummer er vigtigt."
    assert unit(approved, arabic, "title").state == UnitState.APPROVED


@pytest.mark.parametrize(
    ("old", "new"),
    [
        ("Ring på 33 66 33 66.", "Ring på 33 66 33 67."),
        ("Fristen er 1.3.2026.", "Fristen er 1.4.2026."),
        ("Åbent kl. 10.00.", "Åbent kl. 11.00."),
        ("Skriv til cpr@kk.dk.", "Skriv til pas@kk.dk."),
        ("Læs mere på https://www.kk.dk/cpr.", "Læs mere på https://www.kk.dk/pas."),
        ("Det koster 125 kr.", "Det koster 150 kr."),
    ],
)
def test_a_changed_fact_makes_the_unit_critical(
    site, users, arabic, django_capture_on_commit_callbacks, old, new
):
    topic = republish(site["topic"], django_capture_on_commit_callbacks, intro=old)
    services.request_translation(topic, ["ar"], requested_by=users["officer"])
    translate_all(services.units_for(topic, arabic), users["translator_ar"])
    services.approve(list(services.units_for(topic, arabic)), user=users["reviewer_ar"])

    republish(topic, django_capture_on_commit_callbacks, intro=new)

    intro = unit(topic, arabic, "intro")
    assert (intro.state, intro.critical) == (UnitState.OUTDATED, True)


def test_a_changed_link_target_in_rich_text_is_critical(
    approved, arabic, django_capture_on_commit_callbacks
):
    page = TopicPage.objects.get(pk=approved.pk)
    body = page.body.raw_data
    paragraph = next(block for block in body if block["type"] == "paragraph")
    paragraph["value"] = paragraph["value"].replace("https://www.kk.dk", "https://www.kk.dk/ny")

    republish(approved, django_capture_on_commit_callbacks, body=list(body))

    changed = unit(approved, arabic, f"body/{paragraph['id']}")
    assert (changed.state, changed.critical) == (UnitState.OUTDATED, True)


def test_a_minor_edit_keeps_translations_current(
    approved, arabic, django_capture_on_commit_callbacks
):
    republish(approved, django_capture_on_commit_callbacks, minor=True, intro="Rettet tastefejl.")

    intro = unit(approved, arabic, "intro")
    assert intro.state == UnitState.APPROVED
    assert intro.source_text == "Rettet tastefejl."
    assert intro.previous_source == ""


def test_new_segments_appear_untranslated_and_removed_ones_are_archived(
    approved, arabic, django_capture_on_commit_callbacks
):
    page = TopicPage.objects.get(pk=approved.pk)
    body = [b for b in page.body.raw_data if b["type"] != "heading"]
    removed = next(b for b in page.body.raw_data if b["type"] == "heading")
    body.append({"type": "heading", "value": "Ny overskrift", "id": "new-heading"})

    republish(approved, django_capture_on_commit_callbacks, body=body)

    new = unit(approved, arabic, "body/new-heading")
    assert (new.state, new.source_text) == (UnitState.UNTRANSLATED, "Ny overskrift")
    assert not services.units_for(approved, arabic).filter(key=f"body/{removed['id']}").exists()
    archived = services.Unit.objects.get(key=f"body/{removed['id']}", locale=arabic)
    assert archived.archived_at is not None
    assert archived.approved_text == f"{removed['value']} [ar]"


def test_an_outdated_translation_stays_published_with_a_notice_until_reapproved(
    approved, users, arabic, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_translation(approved, arabic, user=users["reviewer_ar"])
    republish(approved, django_capture_on_commit_callbacks, intro="Helt ny indledning.")
    arabic_page = TopicPage.objects.get(translation_key=approved.translation_key, locale=arabic)

    response = client.get(arabic_page.url)

    html = response.content.decode()
    assert f"{approved.intro} [ar]" in html
    assert 'class="notice notice--outdated"' in html
    assert f'href="{approved.url}"' in html

    intro = unit(approved, arabic, "intro")
    services.save_unit(intro, "مقدمة جديدة", version=intro.version, user=users["translator_ar"])
    assert "notice--outdated" in client.get(arabic_page.url).content.decode()  # a draft only
    services.approve([unit(approved, arabic, "intro")], user=users["reviewer_ar"])
    with django_capture_on_commit_callbacks(execute=True):
        services.apply_translation(approved, arabic, user=users["reviewer_ar"])

    html = client.get(arabic_page.url).content.decode()
    assert "مقدمة جديدة" in html
    assert "notice--outdated" not in html


def test_an_outdated_translation_may_be_approved_as_still_right_unless_a_fact_changed(
    approved, users, arabic, django_capture_on_commit_callbacks
):
    republish(approved, django_capture_on_commit_callbacks, intro="Husk dit CPR-nummer.")
    still_right = unit(approved, arabic, "intro")
    assert services.approve([still_right], user=users["reviewer_ar"]) == 1
    assert unit(approved, arabic, "intro").state == UnitState.APPROVED

    republish(approved, django_capture_on_commit_callbacks, intro="Ring på 33 66 33 66.")
    republish(approved, django_capture_on_commit_callbacks, intro="Ring på 33 66 33 67.")
    critical = unit(approved, arabic, "intro")
    title = unit(approved, arabic, "title")
    assert (critical.state, critical.critical) == (UnitState.OUTDATED, True)
    before = [(u.state, u.approved_text, u.version) for u in (critical, title)]

    with pytest.raises(services.InvalidTranslation, match=r"a fact .* changed in Danish"):
        services.approve([title, critical], user=users["reviewer_ar"])

    after = [unit(approved, arabic, key) for key in ("intro", "title")]
    assert [(u.state, u.approved_text, u.version) for u in after] == before
