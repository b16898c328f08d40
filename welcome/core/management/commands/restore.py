"""Restore a backup made by ``manage.py backup`` into the configured SQLite database and media
folder. Everything is checked against the manifest before anything is replaced."""

import json
import shutil
import tarfile
import tempfile
from pathlib import Path, PurePosixPath

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import connections
from django.utils.translation import gettext as _

from .backup import DATABASE_MEMBER, MANIFEST_MEMBER, MEDIA_PREFIX, sha256, sqlite_path


def safe_members(tar):
    """Members as regular files with relative paths only (no links, no ``..``, no absolute)."""
    for member in tar.getmembers():
        path = PurePosixPath(member.name)
        if not member.isfile() or path.is_absolute() or ".." in path.parts:
            raise CommandError(
                _("The archive holds an unsafe entry: %(name)s") % {"name": member.name}
            )
        yield member


class Command(BaseCommand):
    help = "Restore the SQLite database and media files from a backup archive."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--force", action="store_true", help="Replace existing data")

    def handle(self, archive, force=False, **options):
        database = sqlite_path()
        media_root = Path(settings.MEDIA_ROOT)
        if not force and database.exists() and database.stat().st_size:
            raise CommandError(
                _("%(path)s exists; pass --force to replace it.") % {"path": database}
            )
        with tempfile.TemporaryDirectory() as scratch, tarfile.open(archive, "r:gz") as tar:
            members = list(safe_members(tar))
            tar.extractall(scratch, members=members, filter="data")
            root = Path(scratch)
            manifest = json.loads((root / MANIFEST_MEMBER).read_text())
            if sha256(root / DATABASE_MEMBER) != manifest["database"]:
                raise CommandError(_("The database in the archive is damaged (checksum)."))
            for name, digest in manifest["media"].items():
                if sha256(root / MEDIA_PREFIX / name) != digest:
                    raise CommandError(_("A media file is damaged: %(name)s") % {"name": name})
            connections.close_all()
            database.parent.mkdir(parents=True, exist_ok=True)
            for suffix in ("-wal", "-shm"):  # a stale journal must not be replayed onto the copy
                Path(f"{database}{suffix}").unlink(missing_ok=True)
            shutil.copyfile(root / DATABASE_MEMBER, database)
            if (root / MEDIA_PREFIX).exists():
                shutil.copytree(root / MEDIA_PREFIX, media_root, dirs_exist_ok=True)
        self.stdout.write(
            _("Restored the database and %(count)s media files from %(path)s")
            % {"count": len(manifest["media"]), "path": archive}
        )
