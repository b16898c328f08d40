"""Uploaded documents must be what their extension says: the content is sniffed, so a script
renamed ``.pdf`` or an executable renamed ``.docx`` is refused before anything is stored. Documents
are always served as attachments, with ``X-Content-Type-Options: nosniff`` (Wagtail's serve view).
Images are checked by Wagtail itself (format against extension, size, pixel count); SVG is not an
allowed image extension.
"""

import os
import zipfile

from django import forms
from django.utils.translation import gettext_lazy as _
from wagtail.documents.forms import BaseDocumentForm

SNIFF_BYTES = 8192
OOXML_FOLDERS = {"docx": "word/", "xlsx": "xl/", "pptx": "ppt/"}
ODF_TYPES = {"odt": b"application/vnd.oasis.opendocument.text"}


def _is_text(head):
    if b"\0" in head:
        return False
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as error:
        # A multi-byte character may be cut at the end of the sniffed bytes.
        return error.start >= len(head) - 3
    return True


def content_matches_extension(upload, extension):
    """True when the file's content is of the kind its extension names."""
    upload.seek(0)
    head = upload.read(SNIFF_BYTES)
    upload.seek(0)
    if extension == "pdf":
        return head.startswith(b"%PDF-")
    if extension in ("csv", "txt"):
        return _is_text(head)
    if extension in OOXML_FOLDERS or extension in ODF_TYPES:
        if not head.startswith(b"PK\x03\x04"):
            return False
        upload.seek(0)
        try:
            with zipfile.ZipFile(upload) as archive:
                names = archive.namelist()
                if extension in ODF_TYPES:
                    return "mimetype" in names and archive.read("mimetype") == ODF_TYPES[extension]
                folder = OOXML_FOLDERS[extension]
                return "[Content_Types].xml" in names and any(n.startswith(folder) for n in names)
        except zipfile.BadZipFile:
            return False
        finally:
            upload.seek(0)
    return False


class SniffedDocumentForm(BaseDocumentForm):
    """Wagtail's document form (``WAGTAILDOCS_DOCUMENT_FORM_BASE``) with a content check."""

    def clean(self):
        cleaned_data = super().clean()
        upload = cleaned_data.get("file")
        if upload and "file" in self.changed_data:
            extension = os.path.splitext(upload.name)[1].lower().lstrip(".")
            if not content_matches_extension(upload, extension):
                self.add_error(
                    "file",
                    forms.ValidationError(
                        _(
                            "The file's content is not a .%(extension)s document. "
                            "Upload the original file, or save it again in that format."
                        ),
                        code="content_mismatch",
                        params={"extension": extension},
                    ),
                )
                # add_error() drops the file; keep it so Wagtail's model clean() does not add a
                # second, confusing error about an empty extension. The form stays invalid.
                cleaned_data["file"] = upload
        return cleaned_data
