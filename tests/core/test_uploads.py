import io
import zipfile
from pathlib import Path

import pytest
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from PIL import Image as Picture
from wagtail.documents.models import Document
from wagtail.images.models import Image
from wagtail.users.models import UserProfile

pytestmark = pytest.mark.django_db


@pytest.fixture
def admin_client(client):
    user = get_user_model().objects.create_superuser("admin", "a@example.invalid", "x" * 12)
    UserProfile.get_for_user(user).__class__.objects.filter(user=user).update(
        preferred_language="en"
    )
    client.force_login(user)
    return client


def picture(size=(20, 10), kind="PNG"):
    buffer = io.BytesIO()
    Picture.new("RGB", size, "#0b4f8a").save(buffer, kind)
    return buffer.getvalue()


def stored_files(folder):
    root = Path(settings.MEDIA_ROOT) / folder
    return sorted(p.name for p in root.rglob("*") if p.is_file()) if root.exists() else []


def upload_image(client, name, content, content_type="image/png"):
    return client.post(
        reverse("wagtailimages:add"),
        {"title": "Billede", "file": SimpleUploadedFile(name, content, content_type)},
    )


def assert_image_refused(response, message, before):
    assert response.status_code == 200
    assert message in response.content.decode()
    assert Image.objects.count() == 0
    assert stored_files("original_images") == before


def test_a_valid_image_is_stored(admin_client):
    response = upload_image(admin_client, "plakat.png", picture())

    assert response.status_code == 302
    assert Image.objects.get().width == 20


def test_an_image_whose_extension_lies_is_refused(admin_client):
    before = stored_files("original_images")
    response = upload_image(admin_client, "plakat.jpg", picture(kind="PNG"), "image/jpeg")
    assert_image_refused(response, "The extension does not match the file format", before)


def test_svg_is_refused(admin_client):
    before = stored_files("original_images")
    svg = b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>'
    response = upload_image(admin_client, "logo.svg", svg, "image/svg+xml")
    assert_image_refused(response, "Not a supported image format", before)


@override_settings(WAGTAILIMAGES_MAX_IMAGE_PIXELS=100)
def test_a_decompression_bomb_is_refused_by_its_pixel_count(admin_client):
    before = stored_files("original_images")
    response = upload_image(admin_client, "bombe.png", picture(size=(200, 200)))
    assert_image_refused(response, "This file has too many pixels", before)


@override_settings(WAGTAILIMAGES_MAX_UPLOAD_SIZE=1000)
def test_an_oversized_image_is_refused(admin_client):
    before = stored_files("original_images")
    big = picture(size=(600, 600))
    assert len(big) > 1000
    response = upload_image(admin_client, "stor.png", big)
    assert_image_refused(response, "This file is too big", before)


def docx_bytes():
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("[Content_Types].xml", "<Types/>")
        archive.writestr("word/document.xml", "<w:document/>")
    return buffer.getvalue()


def upload_document(client, name, content):
    return client.post(
        reverse("wagtaildocs:add"),
        {"title": "Folder", "file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pjece.pdf", b"%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF"),
        ("pjece.docx", docx_bytes()),
        ("liste.csv", b"navn;sprog\nAmina;ar\n"),
    ],
)
def test_documents_whose_content_matches_are_stored(admin_client, name, content):
    response = upload_document(admin_client, name, content)

    assert response.status_code == 302
    assert Document.objects.get().file.name.endswith(Path(name).suffix)


@pytest.mark.parametrize(
    ("name", "content"),
    [
        ("pjece.pdf", b"<html><script>alert(1)</script></html>"),
        ("pjece.docx", b"MZ\x90\x00 this is a Windows program"),
        ("pjece.docx", b"PK\x03\x04 not really a zip"),
        ("noter.txt", b"\x00\x01\x02 binary"),
    ],
)
def test_documents_whose_content_lies_are_refused_and_nothing_is_stored(
    admin_client, name, content
):
    before = stored_files("documents")

    response = upload_document(admin_client, name, content)

    assert response.status_code == 200
    errors = response.context["form"].errors["file"]
    assert errors == [
        f"The file's content is not a .{Path(name).suffix[1:]} document. "
        "Upload the original file, or save it again in that format."
    ]
    assert Document.objects.count() == 0
    assert stored_files("documents") == before


def test_documents_are_served_as_attachments_that_browsers_may_not_sniff(admin_client, client):
    upload_document(admin_client, "pjece.pdf", b"%PDF-1.7\n%%EOF")
    document = Document.objects.get()

    response = client.get(document.url)

    assert response["Content-Disposition"].startswith("attachment")
    assert response["X-Content-Type-Options"] == "nosniff"
