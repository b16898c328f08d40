"""Reference data: the seven administrations, the integration policy's focus areas and goals,
channels and target groups, labelled in every active language."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.core.exceptions import ValidationError
from django.urls import reverse
from django.utils import translation

from welcome.languages import registry
from welcome.practices.models import (
    Channel,
    Department,
    FocusArea,
    Goal,
    TargetGroup,
    UsedLanguage,
)

from ..html import soup

pytestmark = pytest.mark.django_db

ARABIC_SCRIPT = re.compile(r"[\u0600-\u06FF]")
TRANSLATED = (Department, FocusArea, Goal, Channel, TargetGroup)


def test_the_departments_are_the_seven_copenhagen_administrations():
    assert sorted(Department.objects.values_list("name_da", flat=True)) == sorted(
        [
            "Økonomiforvaltningen",
            "Kultur- og Fritidsforvaltningen",
            "Børne- og Ungdomsforvaltningen",
            "Sundheds- og Omsorgsforvaltningen",
            "Socialforvaltningen",
            "Teknik- og Miljøforvaltningen",
            "Beskæftigelses- og Integrationsforvaltningen",
        ]
    )


def test_the_policy_has_four_focus_areas_and_seven_goals():
    assert FocusArea.objects.count() == 4
    goals_per_area = [area.goals.count() for area in FocusArea.objects.order_by("sort_order")]
    assert goals_per_area == [1, 2, 2, 2]
    assert Goal.objects.get(slug="goal-7-discrimination").focus_area.name_da == "Den inddragende by"


@pytest.mark.parametrize("model", TRANSLATED, ids=lambda m: m.__name__)
def test_every_label_exists_in_every_active_language(model):
    for concept in model.objects.all():
        for code in registry.active_codes():
            label = getattr(concept, f"name_{code}")
            assert label and label.strip() == label, (concept.slug, code)
            if registry.get(code).is_rtl:
                assert ARABIC_SCRIPT.search(label), (concept.slug, code)


def test_labels_follow_the_active_language_and_fall_back_to_english():
    department = Department.objects.get(slug="bif")

    with translation.override("ar"):
        assert department.label == "إدارة التوظيف والاندماج"
    with translation.override("uk"):
        assert department.label == "Управління зайнятості та інтеграції"
    with translation.override("ti"):  # supported, not active, no labels written yet
        assert department.label == "Employment and Integration Administration"


def test_languages_used_are_named_by_cldr_in_the_readers_language():
    somali = UsedLanguage.objects.get(code="so")

    with translation.override("ar"):
        assert somali.label == "الصومالية"
    assert somali.native_name == "Soomaali"
    assert UsedLanguage.objects.get(code="ar").direction == "rtl"


def test_a_language_code_cldr_does_not_know_is_refused():
    with pytest.raises(ValidationError):
        UsedLanguage(code="qqq").full_clean()
    UsedLanguage(code="am").full_clean()  # Amharic: fine


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "admin@example.invalid", "x" * 12)
    client.force_login(user)
    return client


def test_the_admin_edits_a_label_per_language_with_the_right_direction(admin_client):
    channel = Channel.objects.get(slug="sign")

    response = admin_client.get(
        reverse("wagtailsnippets_practices_channel:edit", args=[channel.pk])
    )

    page = soup(response)
    arabic = page.select_one('input[name="name_ar"]')
    polish = page.select_one('input[name="name_pl"]')
    assert (arabic["dir"], arabic["lang"], arabic["value"]) == ("rtl", "ar", "لافتة")
    assert (polish["dir"], polish["lang"]) == ("ltr", "pl")
    assert page.select_one('input[name="name_ur"]')["dir"] == "rtl"


def test_admin_search_finds_a_department_by_its_label_in_any_language(admin_client):
    url = reverse("wagtailsnippets_practices_department:list")

    # A Danish officer's admin lists the Danish labels.
    # (SQLite folds case for ASCII only, so the Ukrainian query is written as the label is.)
    for query in ("socialforvaltningen", "الخدمات الاجتماعية", "соціальних"):
        response = admin_client.get(url, {"q": query}, headers={"Accept-Language": "da"})
        assert "Socialforvaltningen" in response.content.decode(), query
        assert "Økonomiforvaltningen" not in response.content.decode(), query


def test_the_admin_saves_new_labels(admin_client):
    channel = Channel.objects.get(slug="sign")
    data = {
        f"name_{code}": getattr(channel, f"name_{code}") or ""
        for code in registry.supported_codes()
    }
    data.update(slug="sign", sort_order="1", name_so="Calaamad")

    response = admin_client.post(
        reverse("wagtailsnippets_practices_channel:edit", args=[channel.pk]), data
    )

    assert response.status_code == 302
    channel.refresh_from_db()
    assert channel.name_so == "Calaamad"


def test_a_label_without_danish_is_refused(admin_client):
    data = {"slug": "podcast", "sort_order": "5", "name_en": "Podcast"}

    response = admin_client.post(reverse("wagtailsnippets_practices_channel:add"), data)

    assert response.status_code == 200
    assert not Channel.objects.filter(slug="podcast").exists()
