"""The terminology base: seeded municipal terms, matching in text, CSV export/import, the grid."""

import pytest
from django.contrib.auth.models import Group, Permission, User
from django.core.cache import cache
from django.urls import reverse

from welcome.languages import registry
from welcome.translation.terminology import glossary, spreadsheet
from welcome.translation.terminology.models import Concept, DiscouragedTerm

SEEDED = [
    "cpr-nummer",
    "borgerservice",
    "mitid",
    "digital-post",
    "sundhedskort",
    "egen-laege",
    "jobcenter",
    "danskuddannelse",
    "sprogskole",
    "nemkonto",
    "su",
]


def snapshot():
    return sorted(
        (c.slug, c.do_not_translate, *(getattr(c, f"term_{code}") for code in ("da", "ar", "uk")))
        for c in Concept.objects.all()
    )


@pytest.mark.django_db
@pytest.mark.parametrize("slug", SEEDED)
def test_seeded_concepts_have_an_approved_term_in_every_active_language(slug):
    concept = Concept.objects.get(slug=slug)
    for code in registry.active_codes():
        assert concept.term_in(code), (slug, code)


@pytest.mark.django_db
def test_names_stay_untranslated_and_terms_are_written_in_the_target_script():
    for slug in ("mitid", "nemkonto", "digital-post", "su"):
        concept = Concept.objects.get(slug=slug)
        assert concept.do_not_translate
        assert concept.term_in("ar") == concept.term_da
    health = Concept.objects.get(slug="sundhedskort")
    assert health.term_ar == "بطاقة التأمين الصحي"
    assert health.term_uk == "картка медичного страхування"
    assert Concept.objects.get(slug="egen-laege").term_pl == "lekarz rodzinny"


@pytest.mark.django_db
def test_tone_guidance_flags_indvandrer_and_etnisk_minoritet_in_danish():
    for term in ("indvandrer", "etnisk minoritet"):
        row = DiscouragedTerm.objects.get(language="da", term=term)
        assert "københavner" in row.preferred
        assert "borger" in row.preferred
    hits = glossary.for_language("ar").find("Tilbud til indvandrere og etniske minoriteter.")
    assert [(hit.text, hit.discouraged) for hit in hits] == [
        ("indvandrere", True),
        ("etniske minoriteter", True),
    ]
    assert hits[0].translation == "københavner, borger"


@pytest.mark.django_db
def test_terms_are_found_in_inflected_forms_with_their_translation():
    arabic = glossary.for_language("ar")
    hits = arabic.find("Tag sundhedskortet med til jobcentret. Log på med MitID og CPR-nummeret.")
    assert [(hit.text, hit.translation) for hit in hits] == [
        ("sundhedskortet", "بطاقة التأمين الصحي"),
        ("jobcentret", "مركز التوظيف"),
        ("MitID", "MitID"),
        ("CPR-nummeret", "رقم CPR"),
    ]
    # A short term matches whole words only: “SU” is not found in “sundhed” or “super”.
    assert [hit.text for hit in arabic.find("Sundhed er super; søg SU.")] == ["SU"]


@pytest.mark.django_db
def test_highlight_escapes_text_and_marks_terms_with_the_approved_translation():
    html = glossary.for_language("tr").highlight("<b>Ring til din egen læge</b>")
    assert html == (
        '&lt;b&gt;Ring til din <mark class="term" title="aile hekimi">egen læge</mark>&lt;/b&gt;'
    )


@pytest.mark.django_db
def test_a_changed_concept_is_seen_by_the_next_lookup():
    assert glossary.for_language("en").terms("Gå til Borgerservice")[0].translation == (
        "Citizen Service"
    )
    concept = Concept.objects.get(slug="borgerservice")
    concept.term_en = "Citizens' Service"
    concept.save()
    assert glossary.for_language("en").terms("Gå til Borgerservice")[0].translation == (
        "Citizens' Service"
    )


@pytest.mark.django_db
def test_an_emptied_cache_never_brings_back_a_glossary_built_before():
    glossary.for_language("en")  # built and kept by this process
    # A change no signal reports, then the shared cache is emptied (a Redis restart): the
    # version the process knew must not come back and hand out the old glossary.
    Concept.objects.filter(slug="borgerservice").update(term_en="Citizens' Service")
    cache.clear()

    found = glossary.for_language("en").terms("Gå til Borgerservice")[0].translation

    assert found == "Citizens' Service"


@pytest.mark.django_db
def test_csv_round_trip_changes_nothing():
    exported = spreadsheet.export_csv()
    before = snapshot()
    result = spreadsheet.import_csv(exported.encode("utf-8"))
    assert result.created == [] and result.updated == []
    assert len(result.unchanged) == Concept.objects.count()
    assert snapshot() == before
    assert exported.splitlines()[0].startswith("slug,do_not_translate,term_da,term_en")


@pytest.mark.django_db
def test_csv_import_creates_and_updates_by_slug():
    data = (
        "slug,do_not_translate,term_da,term_ar\n"
        "sygesikring,0,sygesikring,التأمين الصحي\n"
        "mitid,1,MitID,MitID\n"
        "jobcenter,0,jobcenter,مركز العمل\n"
    ).encode()
    result = spreadsheet.import_csv(data)
    assert result.created == ["sygesikring"]
    assert result.updated == ["jobcenter"]
    assert Concept.objects.get(slug="jobcenter").term_ar == "مركز العمل"
    assert Concept.objects.get(slug="jobcenter").term_tr == "iş merkezi"
    assert Concept.objects.get(slug="sygesikring").term_da == "sygesikring"


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("data", "message"),
    [
        (b"slug,term_da\nx,\xff\xfe\n", "The file is not UTF-8 (byte 15)."),
        (b"slug,term_da,term_xx\nx,y,z\n", "Unknown columns: term_xx."),
        (b"slug,term_en\nx,y\n", "The column “term_da” is missing."),
        (
            b"slug,term_da\nnew-one,Ny\nnew-one,Ny igen\n",
            "Row 3: the slug “new-one” appears twice.",
        ),
        (
            b"slug,term_da\njobcenter,JOBCENTER\nnot a slug,Ny\n",
            "Row 3: “not a slug” is not a valid slug.",
        ),
        (b"slug,term_da\njobcenter,JOBCENTER\nnew-one,\n", "Row 3: the Danish term is empty."),
        (b"slug,term_da,do_not_translate\nnew-one,Ny,maybe\n", "Row 2: do_not_translate must"),
        ("slug,term_da\nnew-one,Ny\u202e\n".encode(), "Row 2: term_da contains bidirectional"),
        (b"slug,term_da\nnew-one,Ny,extra\n", "Row 2 has 3 cells; the header has 2."),
        (b'slug,term_da\nnew-one,"open quote\n', "Line"),
        (b"", "The file is empty."),
    ],
)
def test_bad_csv_is_refused_with_a_clear_message_and_nothing_changes(data, message):
    before = snapshot()
    with pytest.raises(spreadsheet.SpreadsheetError) as raised:
        spreadsheet.import_csv(data)
    assert any(problem.startswith(message) for problem in raised.value.problems), (
        raised.value.problems
    )
    assert snapshot() == before


@pytest.mark.django_db
def test_an_oversized_csv_is_refused_before_reading():
    before = snapshot()
    with pytest.raises(spreadsheet.SpreadsheetError) as raised:
        spreadsheet.import_csv(b"slug,term_da\n" + b"x" * spreadsheet.MAX_BYTES)
    assert raised.value.problems == [f"The file is larger than {spreadsheet.MAX_BYTES} bytes."]
    assert snapshot() == before


@pytest.fixture
def admin_client(client, db):
    user = User.objects.create_superuser("terms", "terms@kk.dk", "a-long-password-1")
    client.force_login(user)
    return client


def test_the_grid_shows_a_column_per_active_language_with_direction(admin_client):
    response = admin_client.get(reverse("terminology_grid"), {"q": "sundhedskort"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'value="بطاقة التأمين الصحي"' in html
    assert 'lang="ar" dir="rtl"' in html
    assert html.count('<th scope="col" lang=') == len(registry.active_codes())


def test_the_grid_saves_edited_rows(admin_client):
    url = reverse("terminology_grid") + "?q=sundhedskort"
    response = admin_client.get(url)
    formset = response.context["formset"]
    data = {}
    for name, value in formset.management_form.initial.items():
        data[f"form-{name}"] = value
    for index, form in enumerate(formset.forms):
        for name in form.fields:
            value = form.initial.get(name, "")
            if name == "id":
                value = form.instance.pk or ""
            if name == "do_not_translate":
                if value:
                    data[f"form-{index}-{name}"] = "on"
                continue
            data[f"form-{index}-{name}"] = "" if value is None else value
    data["form-0-term_so"] = "kaarka caymiska caafimaadka"
    response = admin_client.post(url, data)
    assert response.status_code == 302
    assert Concept.objects.get(slug="sundhedskort").term_so == "kaarka caymiska caafimaadka"


def test_csv_upload_reports_problems_and_changes_nothing(admin_client):
    before = snapshot()
    upload = spreadsheet_file(b"slug,term_da\njobcenter,JOB\nnot a slug,x\n")
    response = admin_client.post(reverse("terminology_import"), {"file": upload})
    assert response.status_code == 400
    assert "Row 3: “not a slug” is not a valid slug." in response.content.decode()
    assert snapshot() == before


def test_csv_export_download(admin_client):
    response = admin_client.get(reverse("terminology_export"))
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert "mitid,1,MitID" in response.content.decode()


def test_translators_without_permission_cannot_edit_terminology(client, db):
    user = User.objects.create_user("reader", password="a-long-password-1")
    group = Group.objects.create(name="Terminology readers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    user.groups.add(group)
    client.force_login(user)
    before = snapshot()
    # Wagtail answers a refused admin view with a redirect to the dashboard.
    refused = client.get(reverse("terminology_grid"))
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    upload = spreadsheet_file(b"slug,term_da\njobcenter,JOB\n")
    refused = client.post(reverse("terminology_import"), {"file": upload})
    assert (refused.status_code, refused.url) == (302, reverse("wagtailadmin_home"))
    assert snapshot() == before


def spreadsheet_file(data):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("terms.csv", data, content_type="text/csv")
