"""PO download and upload in the admin: the report, the permission checks, refused uploads."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from tests.translation.po_files import snapshot, translated_file
from welcome.translation import po, registry, services
from welcome.translation.models import TranslationRequest, UnitState


def upload(data, name="ar.po"):
    return SimpleUploadedFile(name, data, content_type="text/x-gettext-translation")


def test_download_for_one_object_from_the_editor_link(site, requested, users, client, arabic):
    client.force_login(users["translator_ar"])
    content_type = registry.content_type_of(site["topic"])
    response = client.get(
        reverse("translation:po_export"),
        {
            "language": "ar",
            "content_type": content_type.pk,
            "translation_key": site["topic"].translation_key,
        },
    )
    assert response.status_code == 200
    assert response["Content-Disposition"] == 'attachment; filename="velkommen-ar.po"'
    assert response.content == po.export_po(arabic, po.select_units(arabic))


def test_download_of_the_queue_and_by_state(site, requested, users, client):
    client.force_login(users["translator_ar"])
    queue = client.get(reverse("translation:po_export"), {"language": "ar", "queue": "on"})
    assert queue.content.count(b"msgctxt") == len(requested)
    TranslationRequest.objects.update(status="done")
    empty = client.get(reverse("translation:po_export"), {"language": "ar", "queue": "on"})
    assert empty.content.count(b"msgctxt") == 0
    drafts = client.get(reverse("translation:po_export"), {"language": "ar", "states": "draft"})
    assert drafts.content.count(b"msgctxt") == 0


def test_a_translator_cannot_download_another_language(site, requested, users, client):
    client.force_login(users["translator_ur"])
    response = client.get(reverse("translation:po_export"), {"language": "ar"})
    assert response.status_code == 400
    assert b"msgctxt" not in response.content


def test_upload_shows_the_report_and_applies_drafts(site, requested, users, client, arabic):
    client.force_login(users["translator_ar"])
    response = client.post(
        reverse("translation:po_import"), {"file": upload(translated_file(arabic))}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert "Import report" in html
    assert f"<dt>Applied (now drafts or in review)</dt><dd>{len(requested)}</dd>" in html
    states = set(services.units_for(site["topic"], arabic).values_list("state", flat=True))
    assert states == {UnitState.DRAFT}


def test_upload_of_a_refused_file_says_why_and_changes_nothing(site, requested, users, client):
    client.force_login(users["translator_ar"])
    before = snapshot()
    response = client.post(reverse("translation:po_import"), {"file": upload(b"\xff\xfe junk")})
    assert response.status_code == 400
    assert "The file was refused; nothing was changed." in response.content.decode()
    assert "not valid UTF-8" in response.content.decode()
    assert snapshot() == before


def test_upload_of_5_mb_is_refused_before_reading(site, requested, users, client, arabic):
    client.force_login(users["translator_ar"])
    before = snapshot()
    data = translated_file(arabic) + b"#" * (5 * 1024 * 1024)
    response = client.post(reverse("translation:po_import"), {"file": upload(data)})
    assert response.status_code == 400
    assert "The file is larger than 2,097,152 bytes" in response.content.decode()
    assert snapshot() == before


def test_upload_by_someone_who_translates_nothing_is_refused(site, requested, users, client):
    client.force_login(users["nobody"])
    before = snapshot()
    response = client.post(
        reverse("translation:po_import"), {"file": upload(b'msgid ""\nmsgstr ""\n')}
    )
    # Without admin access Wagtail sends them to the sign-in page; nothing is read or changed.
    assert (response.status_code, response.url.split("?")[0]) == (302, "/admin/login/")
    assert snapshot() == before


def test_upload_into_a_language_the_user_does_not_translate(site, requested, users, client, arabic):
    client.force_login(users["translator_ur"])
    before = snapshot()
    response = client.post(
        reverse("translation:po_import"), {"file": upload(translated_file(arabic))}
    )
    assert response.status_code == 400
    assert "You do not translate into العربية." in response.content.decode()
    assert snapshot() == before
