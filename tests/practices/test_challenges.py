"""The communication-challenge register in the admin, and where it shows on practice pages."""

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data

from welcome.practices.models import Challenge, ChallengePractice, Department

from ..html import text
from .factories import make_practice

pytestmark = pytest.mark.django_db


def challenge_form(**overrides):
    data = {
        "title": "Breve bliver ikke forstået",
        "description": "Borgerrådgiveren får mange henvendelser om breve.",
        "source": "citizens_advisor",
        "source_department": "",
        "severity": "high",
        "status": "open",
        "reported_on": "2024-03-01",
        "practice_links": inline_formset([]),
        "page_links": inline_formset([]),
    }
    data.update(overrides)
    form = nested_form_data(data)
    form["languages"] = ["ar", "so"]  # a multiple choice
    return form


def test_department_staff_register_a_challenge_linked_to_a_practice(client, library, bif_staff):
    practice = make_practice(library, slug="tone")
    client.force_login(bif_staff)

    response = client.post(
        reverse("wagtailsnippets_practices_challenge:add"),
        challenge_form(practice_links=inline_formset([{"practice": str(practice.pk)}])),
    )

    assert response.status_code == 302
    challenge = Challenge.objects.get()
    assert [link.practice for link in challenge.practice_links.all()] == [practice]
    assert sorted(language.code for language in challenge.languages.all()) == ["ar", "so"]


def test_a_challenge_from_a_department_must_say_which(client, library, bif_staff):
    client.force_login(bif_staff)

    response = client.post(
        reverse("wagtailsnippets_practices_challenge:add"), challenge_form(source="department")
    )

    assert response.status_code == 200
    assert not Challenge.objects.exists()


def test_the_register_filters_by_status(client, library, editor):
    Challenge.objects.create(title="Åben sag", description="x", source="meeting", status="open")
    Challenge.objects.create(title="Løst sag", description="x", source="meeting", status="solved")
    client.force_login(editor)

    response = client.get(reverse("wagtailsnippets_practices_challenge:list"), {"status": "open"})

    assert response.status_code == 200
    assert "Åben sag" in response.content.decode()
    assert "Løst sag" not in response.content.decode()


def test_the_public_cannot_open_the_register(client, library):
    response = client.get(reverse("wagtailsnippets_practices_challenge:list"))

    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_staff_see_the_challenges_a_practice_addresses_and_the_public_does_not(
    client, library, sof_staff
):
    practice = make_practice(library, slug="tone")
    challenge = Challenge.objects.create(
        title="Tonen i breve", description="x", source="meeting", status="being_addressed"
    )
    ChallengePractice.objects.create(challenge=challenge, practice=practice)

    assert "Tonen i breve" not in text(client.get(practice.url))
    client.force_login(sof_staff)
    assert "Tonen i breve" in text(client.get(practice.url))


def test_a_superuser_can_manage_every_part_of_the_register(client, library):
    admin = get_user_model().objects.create_superuser("root", "root@example.invalid", "x" * 12)
    client.force_login(admin)

    for name in ("challenge", "department", "channel", "usedlanguage", "adoption", "goal"):
        url = reverse(f"wagtailsnippets_practices_{name}:list")
        assert client.get(url).status_code == 200, name
    assert Department.objects.count() == 7
