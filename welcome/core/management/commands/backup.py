"""Back up the embedded default: the SQLite database (a consistent online copy) and the media
folder, into one ``.tar.gz`` with a manifest of checksums. ``restore`` reads it back."""

import hashlib
import io
import json
import sqlite3
import tarfile
import tempfile
from datetime import UTC, datetime
from pathlib import Path

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connection
from django.utils.translation import gettext as _

DATABASE_MEMBER = "db.sqlite3"
MANIFEST_MEMBER = "manifest.json"
MEDIA_PREFIX = "media/"


def sha256(path):
    digest = hashlib.sha256()
    with open(path, "rb") as handle:
        for chunk in iter(lambda: handle.read(1 << 20), b""):
            digest.update(chunk)
    return digest.hexdigest()


def sqlite_path():
    if connection.vendor != "sqlite":
        raise CommandError(
            _("backup and restore handle the embedded SQLite database; use pg_dump for PostgreSQL.")
        )
    return Path(settings.DATABASES["default"]["NAME"])


class Command(BaseCommand):
    help = "Back up the SQLite database and media files into one archive."

    def add_arguments(self, parser):
        parser.add_argument("--output", "-o", help="Archive path (default: backups/<time>.tar.gz)")

    def handle(self, output=None, **options):
        database = sqlite_path()
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        archive = Path(output or Path(settings.BASE_DIR) / "backups" / f"velkommen-{stamp}.tar.gz")
        archive.parent.mkdir(parents=True, exist_ok=True)
        media_root = Path(settings.MEDIA_ROOT)
        with tempfile.TemporaryDirectory() as scratch:
            copy = Path(scratch) / DATABASE_MEMBER
            source = sqlite3.connect(database)
            target = sqlite3.connect(copy)
            with target:
                source.backup(target)  # consistent even while the site is writing
            source.close()
            target.close()
            files = (
                sorted(p for p in media_root.rglob("*") if p.is_file())
                if media_root.exists()
                else []
            )
            manifest = {
                "created": stamp,
                "database": sha256(copy),
                "media": {str(p.relative_to(media_root)): sha256(p) for p in files},
            }
            with tarfile.open(archive, "w:gz") as tar:
                tar.add(copy, arcname=DATABASE_MEMBER)
                for path in files:
                    tar.add(path, arcname=MEDIA_PREFIX + str(path.relative_to(media_root)))
                data = json.dumps(manifest, indent=2).encode()
                info = tarfile.TarInfo(MANIFEST_MEMBER)
                info.size = len(data)
                tar.addfile(info, io.BytesIO(data))
        self.stdout.write(
            _("Backed up the database and %(count)s media files to %(path)s")
            % {"count": len(files), "path": archive}
        )
