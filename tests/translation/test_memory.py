"""Translation memory (pure parts and with units) and what the editor shows: terms, quality
findings, suggestions applied in one click."""

import pytest
from django.urls import reverse

from tests.factories import TopicPageFactory, publish
from welcome.translation import memory, services
from welcome.translation.memory import Memory
from welcome.translation.models import Unit, UnitOrigin, UnitState

# --- pure --------------------------------------------------------------------------------------


def test_similarity_is_one_only_for_the_same_text():
    assert (
        memory.similarity("Book en tid hos Borgerservice.", "Book en tid hos Borgerservice.") == 1
    )
    assert memory.similarity("Book en tid", "book en tid") < 1
    assert memory.similarity("Book en tid", "book en tid") >= 0.75


def test_fuzzy_matches_need_75_percent():
    entries = [
        (
            1,
            "Book en tid hos Borgerservice før du kommer.",
            "احجز موعدًا في خدمة المواطنين قبل أن تأتي.",
        ),
        (2, "Ring til jobcentret om mandagen.", "اتصل بمركز التوظيف يوم الاثنين."),
        (3, "Book en tid.", "احجز موعدًا."),
    ]
    pool = Memory(entries)
    found = pool.lookup("Book en tid hos Borgerservice, før du kommer.")
    assert [s.unit_id for s in found] == [1]
    assert 0.75 <= found[0].similarity < 1
    assert not found[0].exact
    assert pool.lookup("Ring til Borgerservice om fredagen.") == []


def test_exact_match_comes_first_and_a_unit_never_suggests_itself():
    text = "Velkommen til København"
    pool = Memory([(7, text, "أهلاً بكم في كوبنهاغن"), (8, f"{text}!", "مرحبًا بكم في كوبنهاغن!")])
    found = pool.lookup(text)
    assert found[0].exact and found[0].target_text == "أهلاً بكم في كوبنهاغن"
    assert [s.unit_id for s in found] == [7, 8]
    assert pool.lookup(text, exclude={7})[0].unit_id == 8


def test_diff_highlights_changes_and_escapes_markup():
    html = memory.diff_html("Ring <b>før</b> kl. 10", "Ring <b>før</b> kl. 12 <script>")
    assert "<del>10</del>" in html
    assert "<ins>12 &lt;script&gt;</ins>" in html or "<ins>12</ins>" in html
    assert "<script>" not in html
    assert "&lt;b&gt;før&lt;/b&gt;" in html


def test_length_band_excludes_texts_that_cannot_reach_the_threshold():
    low, high = memory.length_band("x" * 100)
    assert (low, high) == (60, 167)


# --- with units --------------------------------------------------------------------------------


@pytest.fixture
def approved_topic(site, users, arabic):
    """The topic translated into Arabic and approved: the memory's content."""
    topic = site["topic"]
    services.request_translation(topic, ["ar"], requested_by=users["officer"])
    for unit in services.units_for(topic, arabic):
        text = unit.source_text.replace("Book en tid", "احجز موعدًا").replace("Trin", "خطوات")
        services.save_unit(unit, f"{text} ع", version=unit.version, user=users["translator_ar"])
    services.approve(list(services.units_for(topic, arabic)), user=users["reviewer_ar"])
    return topic


@pytest.fixture
def second_topic(approved_topic, site, users, arabic, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        topic = publish(
            TopicPageFactory(
                parent=site["home"],
                title="Book en tid hos Borgerservice",
                slug="book",
                intro="Dit CPR-nummer er dit personnummer i Danmark!",
            )
        )
    services.request_translation(topic, ["ar", "ur"], requested_by=users["officer"])
    return topic


def test_suggestions_come_from_approved_units_of_the_same_language(second_topic, arabic, urdu):
    units = list(services.units_for(second_topic, arabic))
    found = memory.suggestions_for(units)
    by_key = {unit.key: found.get(unit.pk, []) for unit in units}
    heading = next(k for k in by_key if by_key[k] and by_key[k][0].exact)
    assert by_key[heading][0].target_text.endswith(" ع")
    intro = by_key["intro"][0]
    assert not intro.exact and intro.similarity >= 0.75
    assert "<del>.</del>" in intro.diff_html and "<ins>!</ins>" in intro.diff_html
    assert memory.suggestions_for(list(services.units_for(second_topic, urdu))) == {}


def test_prefill_puts_exact_matches_in_as_drafts(second_topic, arabic):
    units = list(services.units_for(second_topic, arabic))
    filled = memory.prefill(units)
    drafts = Unit.objects.filter(
        pk__in=[u.pk for u in units], state=UnitState.DRAFT, origin=UnitOrigin.MEMORY
    )
    assert filled == drafts.count() > 0
    assert memory.prefill(list(services.units_for(second_topic, arabic))) == 0


def test_request_can_prefill_from_memory(approved_topic, site, users, arabic, urdu):
    topic = publish(TopicPageFactory(parent=site["home"], title="Trin", slug="trin"))
    services.request_translation(topic, ["ar"], requested_by=users["officer"], prefill=True)
    title = services.units_for(topic, arabic).get(key="title")
    assert (title.state, title.origin, title.target_text) == (
        UnitState.DRAFT,
        UnitOrigin.MEMORY,
        "خطوات ع",
    )


def editor_url(topic, code):
    from welcome.translation import registry

    content_type = registry.content_type_of(topic)
    return reverse("translation:editor", args=[content_type.pk, topic.translation_key, code])


def test_editor_shows_terms_findings_and_suggestions(second_topic, users, arabic, client):
    intro = services.units_for(second_topic, arabic).get(key="intro")
    services.save_unit(intro, "رقمك ١٢", version=intro.version, user=users["translator_ar"])
    client.force_login(users["translator_ar"])

    html = client.get(editor_url(second_topic, "ar")).content.decode()

    assert '<mark class="term" title="رقم CPR">CPR-nummer</mark>' in html
    assert "Approved terms missing: CPR-nummer → رقم CPR." in html
    assert "Numbers differ from the source" in html
    assert "Exact match" in html
    assert "% similar" in html
    assert "Use this translation" in html


def test_one_click_apply_with_javascript(second_topic, users, arabic, client):
    unit = services.units_for(second_topic, arabic).get(key="intro")
    match = memory.suggestions_for([unit])[unit.pk][0]
    client.force_login(users["translator_ar"])
    response = client.post(
        reverse("translation:apply_memory", args=[unit.pk]),
        {"match": match.unit_id, "version": unit.version},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 200
    assert response.json()["text"] == match.target_text
    unit.refresh_from_db()
    assert (unit.target_text, unit.state, unit.origin) == (
        match.target_text,
        UnitState.DRAFT,
        UnitOrigin.MEMORY,
    )


def test_one_click_apply_without_javascript_keeps_other_typed_segments(
    second_topic, users, arabic, client
):
    units = list(services.units_for(second_topic, arabic))
    unit = next(u for u in units if u.key == "intro")
    other = next(u for u in units if u.key == "title")
    match = memory.suggestions_for([unit])[unit.pk][0]
    client.force_login(users["translator_ar"])
    data = {f"version-{u.pk}": u.version for u in units}
    data.update({f"text-{u.pk}": "" for u in units})
    data[f"text-{other.pk}"] = "احجز موعدًا في خدمة المواطنين"
    data["match"] = match.unit_id
    response = client.post(reverse("translation:apply_memory", args=[unit.pk]), data)
    assert response.status_code == 302
    other.refresh_from_db()
    unit.refresh_from_db()
    assert other.target_text == "احجز موعدًا في خدمة المواطنين"
    assert unit.target_text == match.target_text


def test_another_languages_translator_cannot_apply_or_check(second_topic, users, arabic, client):
    unit = services.units_for(second_topic, arabic).get(key="intro")
    match = memory.suggestions_for([unit])[unit.pk][0]
    client.force_login(users["translator_ur"])
    response = client.post(
        reverse("translation:apply_memory", args=[unit.pk]),
        {"match": match.unit_id, "version": unit.version},
        HTTP_ACCEPT="application/json",
    )
    assert response.status_code == 403
    check = client.post(reverse("translation:check_unit", args=[unit.pk]), {"text": "x"})
    assert check.status_code == 403
    unit.refresh_from_db()
    assert (unit.target_text, unit.state) == ("", UnitState.UNTRANSLATED)


def test_live_check_returns_findings(second_topic, users, arabic, client):
    unit = services.units_for(second_topic, arabic).get(key="intro")
    client.force_login(users["translator_ar"])
    response = client.post(
        reverse("translation:check_unit", args=[unit.pk]), {"text": "رقم CPR\u202e"}
    )
    codes = [finding["code"] for finding in response.json()["findings"]]
    assert codes[0] == "bidi"
    unit.refresh_from_db()
    assert unit.target_text == ""


def test_blocking_checks_apply_on_save_and_approve(second_topic, users, arabic):
    unit = services.units_for(second_topic, arabic).get(key="intro")
    with pytest.raises(services.InvalidTranslation, match="U\\+202E"):
        services.save_unit(unit, "رقم\u202e CPR", version=unit.version, user=users["translator_ar"])
    unit.refresh_from_db()
    assert unit.target_text == ""
    # A text that slipped in another way (e.g. stored before the checks) is not approved.
    Unit.objects.filter(pk=unit.pk).update(target_text="رقم\u202e CPR", state=UnitState.REVIEW)
    unit.refresh_from_db()
    with pytest.raises(services.InvalidTranslation, match="cannot be approved"):
        services.approve([unit], user=users["reviewer_ar"])
    unit.refresh_from_db()
    assert unit.state == UnitState.REVIEW
