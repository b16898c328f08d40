"""Back up a SQLite site with media, restore it into a fresh directory, compare the content."""

import hashlib
import io
import json
import os
import subprocess
import sys
import tarfile
from pathlib import Path

import pytest
from django.conf import settings
from django.utils import translation

ROOT = Path(__file__).resolve().parents[2]

# Backup and restore are for the embedded SQLite default; the suite's SQLite run covers them (they
# start their own SQLite processes, so the PostgreSQL run would only repeat the same work).
pytestmark = pytest.mark.skipif(
    os.environ.get("DATABASE_URL", "").startswith("postgres"),
    reason="SQLite-only feature; covered by the SQLite run",
)
PAGE_AND_IMAGE = """
from django.core.files.base import ContentFile
from wagtail.images.models import Image
from wagtail.models import Page
from welcome.pages.models import HomePage
home = HomePage(title="Velkommen", slug="velkommen", hero_text="Hej")
Page.get_first_root_node().add_child(instance=home)
home.save_revision().publish()
import io
from PIL import Image as Picture
buffer = io.BytesIO()
Picture.new("RGB", (4, 3), "#0b4f8a").save(buffer, "PNG")
Image.objects.create(title="Prik", file=ContentFile(buffer.getvalue(), name="prik.png"))
"""


def environment(directory):
    return {
        **os.environ,
        "DJANGO_SETTINGS_MODULE": "welcome.settings.test",
        "DATABASE_URL": f"sqlite:///{directory}/db.sqlite3",
        "MEDIA_ROOT": str(directory / "media"),
    }


def message(msgid, **params):
    """``msgid`` as the commands print it: in the site's default language (``LANGUAGE_CODE``)."""
    with translation.override(settings.LANGUAGE_CODE):
        return translation.gettext(msgid) % params


def manage(directory, *args, check=True):
    result = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment(directory),
        capture_output=True,
        text=True,
        timeout=300,
    )
    if check:
        assert result.returncode == 0, result.stderr[-2000:]
    return result


def content(directory):
    data = manage(directory, "dumpdata", "wagtailcore.page", "pages", "wagtailimages.image").stdout
    media = {
        str(p.relative_to(directory / "media")): hashlib.sha256(p.read_bytes()).hexdigest()
        for p in (directory / "media").rglob("*")
        if p.is_file()
    }
    return json.loads(data), media


@pytest.fixture(scope="module")
def original(tmp_path_factory):
    directory = tmp_path_factory.mktemp("original")
    manage(directory, "migrate", "-v0")
    manage(directory, "shell", "-c", PAGE_AND_IMAGE)
    archive = directory / "backup.tar.gz"
    manage(directory, "backup", "--output", str(archive))
    return directory, archive


def test_restoring_into_a_fresh_directory_gives_the_same_content(original, tmp_path):
    directory, archive = original

    result = manage(tmp_path, "restore", str(archive))

    restored_rows, restored_media = content(tmp_path)
    rows, media = content(directory)
    restored = message(
        "Restored the database and %(count)s media files from %(path)s",
        count=len(media),
        path=archive,
    )
    assert restored in result.stdout
    assert restored_rows == rows
    assert restored_media == media
    assert any(name.endswith(".png") for name in media)


def test_restore_refuses_to_overwrite_without_force(original, tmp_path):
    directory, archive = original

    result = manage(directory, "restore", str(archive), check=False)

    assert result.returncode != 0
    database = directory / "db.sqlite3"
    assert message("%(path)s exists; pass --force to replace it.", path=database) in result.stderr


def test_a_damaged_archive_is_refused_and_nothing_is_replaced(original, tmp_path):
    _directory, archive = original
    damaged = tmp_path / "damaged.tar.gz"
    with tarfile.open(archive) as source, tarfile.open(damaged, "w:gz") as target:
        for member in source.getmembers():
            data = source.extractfile(member).read()
            if member.name == "db.sqlite3":
                data = data[:-100] + b"\0" * 100
            member.size = len(data)
            target.addfile(member, io.BytesIO(data))

    result = manage(tmp_path, "restore", str(damaged), check=False)

    assert result.returncode != 0
    assert message("The database in the archive is damaged (checksum).") in result.stderr
    assert not (tmp_path / "db.sqlite3").exists()
