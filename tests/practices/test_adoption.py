"""“We use this too”: staff record that their department uses another department's practice."""

import pytest

from welcome.practices.models import Adoption, Department

from ..html import soup
from .factories import make_practice, make_user

pytestmark = pytest.mark.django_db


@pytest.fixture
def practice(library):
    return make_practice(library, department="bif", slug="sms", title="SMS-påmindelser")


def adopt(client, practice, department, note=""):
    return client.post(practice.url + "adopt/", {"department": department.pk, "note": note})


def test_staff_record_that_their_department_uses_a_practice(client, practice, sof_staff):
    client.force_login(sof_staff)
    sof = Department.objects.get(slug="sof")

    response = adopt(client, practice, sof, "Vi sender også SMS til forældre.")

    assert response.status_code == 302
    adoption = Adoption.objects.get()
    assert (adoption.department, adoption.note, adoption.user) == (
        sof,
        "Vi sender også SMS til forældre.",
        sof_staff,
    )
    page = soup(client.get(practice.url))
    assert "Vi sender også SMS til forældre." in page.select_one(".adoptions").get_text()
    assert page.select_one("form.adopt") is None  # nothing left to adopt for SOF


def test_the_public_sees_who_uses_a_practice_but_not_the_notes_or_the_form(
    client, practice, sof_staff
):
    Adoption.objects.create(
        practice_key=practice.translation_key,
        department=Department.objects.get(slug="sof"),
        note="Intern bemærkning",
    )

    page = soup(client.get(practice.url))

    assert "Socialforvaltningen" in page.select_one(".adoptions").get_text()
    assert "Intern bemærkning" not in page.get_text()
    assert page.select_one("form.adopt") is None


def test_an_adoption_counts_once_whichever_language_version_was_adopted(
    client, practice, sof_staff, translated_library
):
    from .factories import translate_practice

    english = translate_practice(practice, "en")
    client.force_login(sof_staff)

    adopt(client, english, Department.objects.get(slug="sof"))
    second = adopt(client, practice, Department.objects.get(slug="sof"))

    assert Adoption.objects.count() == 1
    assert second.status_code == 400  # SOF is no longer a choice


@pytest.fixture
def translated_library(library):
    from wagtail.models import Locale

    from ..factories import publish, translate

    home = library.get_parent().specific
    translate(home, "en")
    return publish(library.copy_for_translation(Locale.objects.get(language_code="en")).specific)


@pytest.mark.parametrize(
    "who, department, status",
    [
        ("sof", "tmf", 400),  # another department than one's own
        ("sof", "bif", 400),  # the department that owns the practice
        ("bif", "bif", 400),  # one's own practice
        ("nobody", "sof", 403),  # not staff of any department
    ],
)
def test_crafted_adoptions_are_refused_and_nothing_is_stored(
    client, practice, who, department, status
):
    user = make_user(f"user-{who}", departments=[] if who == "nobody" else [who])
    client.force_login(user)

    response = adopt(client, practice, Department.objects.get(slug=department))

    assert response.status_code == status
    assert not Adoption.objects.exists()


def test_anonymous_readers_cannot_adopt(client, practice):
    response = adopt(client, practice, Department.objects.get(slug="sof"))

    assert response.status_code == 403
    assert not Adoption.objects.exists()


def test_adopting_needs_a_post(client, practice, sof_staff):
    client.force_login(sof_staff)

    assert client.get(practice.url + "adopt/").status_code == 405
    assert not Adoption.objects.exists()


def test_adoptions_go_when_the_practice_is_deleted(client, practice):
    Adoption.objects.create(
        practice_key=practice.translation_key, department=Department.objects.get(slug="sof")
    )

    practice.delete()

    assert not Adoption.objects.exists()


def test_a_cached_public_page_shows_a_new_adoption_at_once(client, practice, sof_staff):
    from django.test import Client, override_settings

    reader = Client()
    with override_settings(WELCOME_PAGE_CACHE_SECONDS=300):
        assert reader.get(practice.url)["X-Cache"] == "miss"
        assert reader.get(practice.url)["X-Cache"] == "hit"
        client.force_login(sof_staff)
        adopt(client, practice, Department.objects.get(slug="sof"))

        response = reader.get(practice.url)

    assert response["X-Cache"] == "miss"
    assert "Socialforvaltningen" in soup(response).select_one(".adoptions").get_text()
