"""Department staff submit and edit their own department's practices only; the library's editors
moderate everything. Checked the way Wagtail checks its own: the control is absent, a crafted
POST is refused, and the row is unchanged afterwards."""

import pytest
from django.urls import reverse
from wagtail.models import Page
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield

from welcome.practices.models import PracticePage

from .factories import make_practice

pytestmark = pytest.mark.django_db


def practice_form(**overrides):
    data = {
        "title": "Tolk ved forældremøder",
        "slug": "tolk-foraeldremoeder",
        "summary": "Skolen bestiller tolk til alle forældremøder i 0. klasse.",
        "challenge": "Forældrene forstod ikke, hvad skolen forventede.",
        "what_was_done": rich_text("<p>Vi bestilte tolk.</p>"),
        "results": rich_text("<p>Flere forældre kom.</p>"),
        "key_figures": streamfield([]),
        "status": "piloted",
        "visibility": "public",
        "started_on": "",
        "ended_on": "",
        "cost_dkk": "",
        "cost_note": "",
        "department": "",
        "contact_role": "Skoleleder",
        "contact_email": "",
        "source_name": "",
        "source_url": "",
        "source_department": "",
        "attachments": inline_formset([]),
        "related_links": inline_formset([]),
    }
    data.update(overrides)
    return nested_form_data(data)


def snapshot(page):
    page = PracticePage.objects.get(pk=page.pk)
    return (
        page.title,
        page.live,
        page.department_id,
        page.latest_revision_id,
        page.has_unpublished_changes,
    )


@pytest.fixture
def own(library):
    return make_practice(library, department="bif", title="BIF's praksis", slug="bif-praksis")


@pytest.fixture
def other(library):
    return make_practice(library, department="sof", title="SOF's praksis", slug="sof-praksis")


def edit(client, page, **overrides):
    url = reverse("wagtailadmin_pages:edit", args=[page.pk])
    return client.post(url, practice_form(title="Ændret", slug=page.slug, **overrides))


def test_staff_edit_their_own_departments_practice(client, bif_staff, own):
    client.force_login(bif_staff)
    department = own.department_id

    response = edit(client, own, department=str(department))

    assert response.status_code == 302
    draft = PracticePage.objects.get(pk=own.pk).get_latest_revision_as_object()
    assert draft.title == "Ændret"


def test_staff_cannot_edit_another_departments_practice(client, bif_staff, other):
    client.force_login(bif_staff)
    before = snapshot(other)

    form = client.get(reverse("wagtailadmin_pages:edit", args=[other.pk]))
    response = edit(client, other, department=str(other.department_id))

    assert form.status_code in (302, 403)
    assert response.status_code in (302, 403)
    assert snapshot(other) == before
    assert PracticePage.objects.get(pk=other.pk).get_latest_revision_as_object().title != "Ændret"


def test_the_explorer_offers_no_edit_link_for_another_departments_practice(
    client, bif_staff, own, other, library
):
    client.force_login(bif_staff)

    response = client.get(reverse("wagtailadmin_explore", args=[library.pk]))

    html = response.content.decode()
    assert response.status_code == 200
    assert reverse("wagtailadmin_pages:edit", args=[own.pk]) in html
    assert reverse("wagtailadmin_pages:edit", args=[other.pk]) not in html
    assert reverse("wagtailadmin_pages:delete", args=[other.pk]) not in html


@pytest.mark.parametrize("action", ["delete", "unpublish"])
def test_staff_cannot_delete_or_unpublish_another_departments_practice(
    client, bif_staff, other, action
):
    client.force_login(bif_staff)
    before = snapshot(other)

    response = client.post(reverse(f"wagtailadmin_pages:{action}", args=[other.pk]))

    assert response.status_code in (302, 403)
    assert snapshot(other) == before


def test_staff_delete_their_own_departments_draft_but_not_another_departments(
    client, bif_staff, library
):
    own_draft = make_practice(library, department="bif", slug="bif-udkast", publish_it=False)
    other_draft = make_practice(library, department="sof", slug="sof-udkast", publish_it=False)
    client.force_login(bif_staff)

    client.post(reverse("wagtailadmin_pages:delete", args=[other_draft.pk]))
    client.post(reverse("wagtailadmin_pages:delete", args=[own_draft.pk]))

    assert not Page.objects.filter(pk=own_draft.pk).exists()
    assert Page.objects.filter(pk=other_draft.pk).exists()


def test_bulk_delete_skips_another_departments_practice(client, bif_staff, library):
    other_draft = make_practice(library, department="sof", slug="sof-udkast", publish_it=False)
    client.force_login(bif_staff)
    url = (
        reverse("wagtail_bulk_action", args=("wagtailcore", "page", "delete"))
        + f"?id={other_draft.pk}"
    )

    client.post(url, {})

    assert Page.objects.filter(pk=other_draft.pk).exists()


def test_a_crafted_department_on_a_new_practice_is_refused(client, bif_staff, sof_staff, library):
    client.force_login(bif_staff)
    url = reverse("wagtailadmin_pages:add", args=("practices", "practicepage", library.pk))
    sof = sof_staff.groups.get().practice_department

    response = client.post(url, practice_form(department=str(sof.pk)))

    assert response.status_code == 200  # the form again, with an error
    assert "department" in response.context["form"].errors
    assert not PracticePage.objects.filter(slug="tolk-foraeldremoeder").exists()


def test_a_crafted_department_cannot_move_an_own_practice_to_another_department(
    client, bif_staff, sof_staff, own
):
    client.force_login(bif_staff)
    sof = sof_staff.groups.get().practice_department
    before = snapshot(own)

    response = edit(client, own, department=str(sof.pk))

    assert response.status_code == 200
    assert "department" in response.context["form"].errors
    assert snapshot(own) == before


def test_a_new_practice_belongs_to_the_submitters_department_and_awaits_moderation(
    client, bif_staff, editor, library
):
    client.force_login(bif_staff)
    url = reverse("wagtailadmin_pages:add", args=("practices", "practicepage", library.pk))
    bif = bif_staff.groups.get().practice_department

    response = client.post(
        url, practice_form(department=str(bif.pk), **{"action-submit": "submit"})
    )

    assert response.status_code == 302
    practice = PracticePage.objects.get(slug="tolk-foraeldremoeder")
    assert not practice.live
    assert practice.department == bif
    assert bif in practice.get_latest_revision_as_object().departments.all()
    state = practice.current_workflow_state
    assert state is not None
    assert state.workflow.name == "Good-practice moderation"
    task_state = practice.current_workflow_task_state

    task_state.task.specific.on_action(task_state, editor, "approve")

    practice.refresh_from_db()
    assert practice.live


def test_staff_cannot_publish_without_moderation(client, bif_staff, library):
    client.force_login(bif_staff)
    url = reverse("wagtailadmin_pages:add", args=("practices", "practicepage", library.pk))
    bif = bif_staff.groups.get().practice_department

    client.post(url, practice_form(department=str(bif.pk), **{"action-publish": "publish"}))

    practice = PracticePage.objects.filter(slug="tolk-foraeldremoeder").first()
    assert practice is None or not practice.live


def test_library_editors_edit_and_publish_any_departments_practice(client, editor, other):
    client.force_login(editor)

    response = edit(client, other, department=str(other.department_id), **{"action-publish": "1"})

    assert response.status_code == 302
    other.refresh_from_db()
    assert other.title == "Ændret"
    assert other.live


def test_staff_without_a_department_cannot_add_practices(client, library):
    from .factories import make_user

    client.force_login(make_user("nobody"))
    url = reverse("wagtailadmin_pages:add", args=("practices", "practicepage", library.pk))

    response = client.post(url, practice_form())

    assert response.status_code in (302, 403)
    assert not PracticePage.objects.filter(slug="tolk-foraeldremoeder").exists()


def test_the_department_field_offers_staff_only_their_own_departments(
    client, bif_staff, editor, own
):
    url = reverse("wagtailadmin_pages:edit", args=[own.pk])

    client.force_login(bif_staff)
    staff_choices = client.get(url).context["form"].fields["department"].queryset
    client.force_login(editor)
    editor_choices = client.get(url).context["form"].fields["department"].queryset

    assert [d.slug for d in staff_choices] == ["bif"]
    assert editor_choices.count() == 7
