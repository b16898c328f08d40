"""Admin views: the editor with and without JavaScript, conflicts, the permission matrix, the
queue, the request form, the overview and the dashboard panel."""

import json
import re

import pytest
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from tests.factories import TopicPageFactory, publish
from welcome.pages.models import TopicPage
from welcome.translation import overview, services
from welcome.translation.models import TranslationRequest, Unit, UnitState

from .test_services import translate_all


def editor_url(page, code):
    content_type = ContentType.objects.get_for_model(TopicPage)
    return reverse("translation:editor", args=[content_type.pk, page.translation_key, code])


@pytest.fixture
def requested(site, users):
    services.request_translation(site["topic"], ["ar", "ur"], requested_by=users["officer"])
    return site["topic"]


def snapshot():
    return sorted(Unit.objects.values_list("pk", "target_text", "state", "version"))


def form_data(units, **texts):
    data = {}
    for unit in units:
        data[f"text-{unit.pk}"] = texts.get(unit.key, unit.target_text)
        data[f"version-{unit.pk}"] = str(unit.version)
    return data


def test_the_editor_shows_source_beside_right_to_left_targets(client, requested, users):
    client.force_login(users["translator_ar"])

    response = client.get(editor_url(requested, "ar"))

    html = response.content.decode()
    assert response.status_code == 200
    # Terms in the source are highlighted with <mark> (terminology); the text is all there.
    assert requested.intro in re.sub(r"<mark [^>]*>|</mark>", "", html)
    assert (
        html.count('lang="ar" dir="rtl"') >= Unit.objects.filter(locale__language_code="ar").count()
    )


def test_saving_the_whole_form_without_javascript_saves_changed_segments(
    client, requested, users, arabic
):
    client.force_login(users["translator_ar"])
    units = list(services.units_for(requested, arabic))

    response = client.post(
        editor_url(requested, "ar"),
        {**form_data(units, intro="مقدمة", title="عنوان"), "action": "save"},
    )

    assert response.status_code == 302
    saved = dict(services.units_for(requested, arabic).values_list("key", "target_text"))
    assert (saved["intro"], saved["title"]) == ("مقدمة", "عنوان")
    assert services.units_for(requested, arabic).get(key="intro").state == UnitState.DRAFT


def test_a_stale_segment_is_a_conflict_and_nothing_is_lost(client, requested, users, arabic):
    units = list(services.units_for(requested, arabic))
    intro = next(u for u in units if u.key == "intro")
    services.save_unit(intro, "نص الزميل", version=intro.version, user=users["reviewer_ar"])
    client.force_login(users["translator_ar"])

    response = client.post(
        editor_url(requested, "ar"),
        {**form_data(units, intro="نصي أنا", title="عنوان"), "action": "save"},
    )

    html = response.content.decode()
    assert response.status_code == 409
    assert "نص الزميل" in html and "نصي أنا" in html
    saved = dict(services.units_for(requested, arabic).values_list("key", "target_text"))
    assert saved["intro"] == "نص الزميل"
    assert saved["title"] == "عنوان"


def test_live_save_of_one_segment_and_its_conflict(client, requested, users, arabic):
    unit = services.units_for(requested, arabic).get(key="title")
    client.force_login(users["translator_ar"])
    url = reverse("translation:save_unit", args=[unit.pk])

    first = client.post(url, {"text": "عنوان", "version": unit.version})
    stale = client.post(url, {"text": "آخر", "version": unit.version})

    assert first.status_code == 200 and json.loads(first.content)["state"] == "draft"
    assert stale.status_code == 409
    assert json.loads(stale.content)["text"] == "عنوان"
    unit.refresh_from_db()
    assert unit.target_text == "عنوان"


@pytest.mark.parametrize(
    ("who", "method", "code", "data", "status"),
    [
        ("translator_ar", "get", "ur", None, 403),
        ("translator_ar", "post", "ur", {"action": "save"}, 403),
        ("translator_ar", "post", "ar", {"action": "approve"}, 403),
        ("translator_ar", "post", "ar", {"action": "approve_all"}, 403),
        ("translator_ar", "post", "ur", {"action": "apply"}, 403),
        ("reviewer_ar", "post", "ur", {"action": "approve_all"}, 403),
        ("officer", "post", "ar", {"action": "save"}, 403),
        ("nobody", "post", "ar", {"action": "save"}, 302),  # no admin access: to the login page
    ],
)
def test_crafted_requests_outside_ones_role_are_refused_and_change_nothing(
    client, requested, users, who, method, code, data, status
):
    for locale_code in ("ar", "ur"):
        translate_all(
            services.units_for(requested, services.Locale.objects.get(language_code=locale_code)),
            users[f"translator_{locale_code}"],
        )
        services.submit_for_review(
            list(
                services.units_for(
                    requested, services.Locale.objects.get(language_code=locale_code)
                )
            ),
            user=users[f"translator_{locale_code}"],
        )
    before = snapshot()
    client.force_login(users[who])
    units = list(Unit.objects.filter(locale__language_code=code))
    payload = None
    if data is not None:
        payload = {**form_data(units, intro="مخترق"), **data, "select": [u.pk for u in units]}

    response = getattr(client, method)(editor_url(requested, code), payload)

    assert response.status_code == status
    assert snapshot() == before


def test_the_danish_source_has_no_editor_and_translators_cannot_edit_danish_pages(
    client, requested, users
):
    client.force_login(users["translator_ar"])
    before = TopicPage.objects.get(pk=requested.pk).intro

    assert client.get(editor_url(requested, "da")).status_code == 404
    response = client.post(
        reverse("wagtailadmin_pages:edit", args=[requested.pk]),
        {"title": "Hacked", "slug": "cpr", "intro": "Hacked", "action-publish": "1"},
    )

    assert response.status_code in (302, 403)
    page = TopicPage.objects.get(pk=requested.pk)
    assert page.intro == before and not page.has_unpublished_changes


def test_live_save_into_another_language_is_refused(client, requested, users):
    unit = Unit.objects.filter(locale__language_code="ur").first()
    client.force_login(users["translator_ar"])

    response = client.post(
        reverse("translation:save_unit", args=[unit.pk]), {"text": "x", "version": unit.version}
    )

    assert response.status_code == 403
    unit.refresh_from_db()
    assert unit.target_text == ""


def test_an_arabic_reviewer_approves_arabic(client, requested, users, arabic):
    translate_all(services.units_for(requested, arabic), users["translator_ar"])
    units = list(services.units_for(requested, arabic))
    client.force_login(users["reviewer_ar"])

    response = client.post(
        editor_url(requested, "ar"),
        {**form_data(units), "action": "approve", "select": [units[0].pk, units[1].pk]},
    )

    assert response.status_code == 302
    states = list(services.units_for(requested, arabic).values_list("state", flat=True))
    assert states[:2] == [UnitState.APPROVED, UnitState.APPROVED]
    assert set(states[2:]) == {UnitState.DRAFT}


def test_approving_a_segment_changed_since_loading_is_refused(client, requested, users, arabic):
    translate_all(services.units_for(requested, arabic), users["translator_ar"])
    units = list(services.units_for(requested, arabic))
    services.save_unit(units[0], "تغيير", version=units[0].version, user=users["translator_ar"])
    client.force_login(users["reviewer_ar"])

    client.post(
        editor_url(requested, "ar"),
        {
            **form_data(units[1:]),
            f"version-{units[0].pk}": units[0].version,
            "action": "approve",
            "select": [units[0].pk],
        },
    )

    assert services.units_for(requested, arabic).get(pk=units[0].pk).state == UnitState.DRAFT


def test_only_officers_request_translations(client, site, users):
    url = reverse("translation:request") + f"?page={site['topic'].pk}"
    data = {"languages": ["ar"], "priority": "2"}

    client.force_login(users["translator_ar"])
    assert client.post(url, data).status_code == 403
    assert not TranslationRequest.objects.exists()

    client.force_login(users["officer"])
    response = client.post(
        url, {**data, "assignee": users["translator_ar"].pk, "due": "2026-12-01"}
    )
    assert response.status_code == 302
    request = TranslationRequest.objects.get()
    assert (request.locale.language_code, request.assignee, str(request.due)) == (
        "ar",
        users["translator_ar"],
        "2026-12-01",
    )


def test_the_queue_lists_requests_in_ones_languages_only(client, requested, users):
    client.force_login(users["translator_ar"])

    html = client.get(reverse("translation:queue")).content.decode()

    assert editor_url(requested, "ar") in html
    assert editor_url(requested, "ur") not in html


def test_overview_cells_and_constant_queries(client, site, requested, users, arabic):
    client.force_login(users["officer"])
    url = reverse("translation:overview")
    client.get(url)  # warm the content-type and session caches
    with CaptureQueriesContext(connection) as few:
        first = client.get(url)
    for n in range(5):
        page = publish(TopicPageFactory(parent=site["home"], title=f"Ekstra {n}"))
        services.request_translation(page, ["ar"], requested_by=users["officer"])
    with CaptureQueriesContext(connection) as more:
        second = client.get(url)

    assert first.status_code == second.status_code == 200
    assert len(more) == len(few)
    html = second.content.decode()
    assert "Ekstra 4" in html
    assert "In progress" in html or "Missing" in html


def test_each_overview_page_shows_the_state_of_its_own_rows(
    client, site, requested, users, monkeypatch
):
    monkeypatch.setattr("welcome.translation.views.queue.OVERVIEW_PAGE_SIZE", 1)
    client.force_login(users["officer"])
    _codes, rows = overview.build(codes=["ar"])  # every row's facts read at once
    expected = [[cell.state for cell in row.cells] for row in rows]
    assert len(rows) >= 2 and ["progress"] in expected  # the requested topic: none translated

    pages = [
        client.get(reverse("translation:overview"), {"language": "ar", "p": number})
        for number in range(1, len(rows) + 1)
    ]

    shown = [re.findall(r'class="cell cell--(\w+)', page.content.decode()) for page in pages]
    assert shown == expected


def test_overview_state_filter(client, site, requested, users, arabic):
    client.force_login(users["officer"])

    html = client.get(reverse("translation:overview"), {"state": "outdated"}).content.decode()

    assert requested.title not in html


def test_dashboard_shows_my_translation_work(client, site, users):
    services.request_translation(
        site["topic"], ["ar"], requested_by=users["officer"], assignee=users["translator_ar"]
    )
    client.force_login(users["translator_ar"])

    html = client.get(reverse("wagtailadmin_home")).content.decode()

    assert "My translation work" in html
    assert site["topic"].title in html


def test_overview_section_filter(client, site, users):
    section = publish(TopicPageFactory(parent=site["home"], title="Bolig", slug="bolig"))
    publish(TopicPageFactory(parent=section, title="Husleje", slug="husleje"))
    client.force_login(users["officer"])

    html = client.get(reverse("translation:overview"), {"section": "Bolig"}).content.decode()

    assert "Husleje" in html
    assert site["topic"].title not in html


def test_a_crafted_target_that_names_nothing_is_ignored(client, site, users):
    client.force_login(users["officer"])
    client.raise_request_exception = False
    url = reverse("translation:request") + "?target=999999:1&target=1:999999"

    response = client.post(url, {"languages": ["ar"], "priority": "2"})

    assert response.status_code == 200
    assert "Choose something to translate." in response.content.decode()
    assert not TranslationRequest.objects.exists()
