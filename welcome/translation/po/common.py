"""What export and import share: the entry context, the target hash, the size limit and reading
an uploaded file safely."""

import hashlib
import os
import re
import tempfile

import polib
from django.conf import settings
from django.utils.translation import gettext as _

from ..models import UnitState

HASH_PREFIX = "target-hash: "
HASH_LENGTH = 16
CONTEXT_PATTERN = re.compile(
    r"^(?P<app>[a-z_][a-z0-9_]*)\.(?P<model>[a-z_][a-z0-9_]*):"
    r"(?P<key>[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}):(?P<segment>.+)$"
)
EXPORTABLE_STATES = [state.value for state in UnitState]
_CHARSET = re.compile(r"charset\s*=\s*([\w.-]+)", re.IGNORECASE)


class PoFileRefused(Exception):
    """The file as a whole was refused; nothing was changed. ``problems`` says why."""

    def __init__(self, problems):
        self.problems = list(problems)
        super().__init__(" ".join(self.problems))


def max_bytes():
    return settings.WELCOME_PO_MAX_BYTES


def target_hash(text):
    return hashlib.sha256((text or "").encode("utf-8")).hexdigest()[:HASH_LENGTH]


def msgctxt(content_type, translation_key, key):
    return f"{content_type.app_label}.{content_type.model}:{translation_key}:{key}"


# --- reading a file ----------------------------------------------------------------------------


def _line_of(data, offset):
    return data.count(b"\n", 0, offset) + 1


def _decode(data):
    if b"\x00" in data:
        raise PoFileRefused(
            [
                _("The file contains NUL bytes (line %(line)d).")
                % {"line": _line_of(data, data.index(b"\x00"))}
            ]
        )
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        raise PoFileRefused(
            [
                _("The file is not valid UTF-8 (line %(line)d); save it as UTF-8 and try again.")
                % {"line": _line_of(data, error.start)}
            ]
        ) from error
    return text.removeprefix("\ufeff")


def read(data):
    """A parsed :class:`polib.POFile` from untrusted bytes, or :class:`PoFileRefused`."""
    if len(data) > max_bytes():
        raise PoFileRefused([too_large_message()])
    text = _decode(data)
    with tempfile.NamedTemporaryFile("w", encoding="utf-8", suffix=".po", delete=False) as file:
        file.write(text)
        path = file.name
    try:
        po = polib.pofile(path, encoding="utf-8", wrapwidth=0)
    except (OSError, ValueError, IndexError, KeyError) as error:
        message = str(error).replace(path, "the file")
        raise PoFileRefused(
            [_("The file is not a valid PO file: %(error)s") % {"error": message}]
        ) from error
    finally:
        os.unlink(path)
    charset = _CHARSET.search(po.metadata.get("Content-Type", ""))
    if not charset or charset.group(1).lower().replace("_", "-") not in {"utf-8", "utf8"}:
        raise PoFileRefused([_("The file's Content-Type header must declare charset=UTF-8.")])
    seen, duplicates = set(), []
    for entry in po:
        if entry.obsolete:
            continue
        identity = (entry.msgctxt, "" if entry.msgctxt is not None else entry.msgid)
        if identity in seen:
            duplicates.append(entry.msgctxt or entry.msgid[:40])
        seen.add(identity)
    if duplicates:
        raise PoFileRefused(
            [
                _("The msgctxt “%(context)s” appears more than once (line %(line)s).")
                % {"context": context, "line": _entry_line(po, context)}
                for context in duplicates[:10]
            ]
        )
    return po


def _entry_line(po, context):
    lines = [entry.linenum for entry in po if entry.msgctxt == context]
    return lines[-1] if lines else "?"


def too_large_message():
    return _("The file is larger than %(limit)s bytes; split it into smaller files.") % {
        "limit": f"{max_bytes():,}"
    }
