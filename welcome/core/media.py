"""Uploaded media served with HTTP Range support, so that video players can seek.

Wired to ``MEDIA_URL`` in every environment (``welcome/urls.py``): in development there is no other
server, and in production a CDN or web server in front may serve the files itself, in which case
this view is simply not reached. Files are read through Django's default storage.

A single byte range (``bytes=500-999``, ``bytes=500-``, ``bytes=-500``) is answered with 206 and
``Content-Range``; a range that starts beyond the end of the file with 416; anything else (several
ranges, other units, malformed headers) with the whole file, as RFC 9110 allows.
"""

import mimetypes
import posixpath
import re
from dataclasses import dataclass

from django.core.exceptions import SuspiciousFileOperation
from django.core.files.storage import default_storage
from django.http import (
    FileResponse,
    Http404,
    HttpResponse,
    HttpResponseNotModified,
    StreamingHttpResponse,
)
from django.utils.http import http_date, parse_http_date_safe
from django.views.decorators.http import require_safe

CHUNK_SIZE = 64 * 1024
CACHE_SECONDS = 60 * 60
RANGE = re.compile(r"^\s*bytes\s*=\s*(\d*)\s*-\s*(\d*)\s*$", re.IGNORECASE)
# Wagtail documents are served by Wagtail's own view, which applies their privacy settings.
PRIVATE_PREFIXES = ("documents/",)
TYPES = {".vtt": "text/vtt", ".webm": "video/webm", ".mp4": "video/mp4", ".m4v": "video/mp4"}


class RangeNotSatisfiable(Exception):
    pass


@dataclass(frozen=True)
class ByteRange:
    start: int
    end: int  # inclusive

    @property
    def length(self):
        return self.end - self.start + 1

    def content_range(self, size):
        return f"bytes {self.start}-{self.end}/{size}"


def parse_range(header, size):
    """The single :class:`ByteRange` that a ``Range`` header asks for in a file of ``size`` bytes.

    Returns ``None`` when the whole file should be sent (no header, several ranges, another unit,
    a malformed header); raises :class:`RangeNotSatisfiable` when the range lies outside the file.
    """
    match = RANGE.match(header or "")
    if not match:
        return None
    first, last = match.groups()
    if first:
        start = int(first)
        end = int(last) if last else size - 1
        if last and end < start:
            return None  # an invalid range-spec: ignore the header
        if start >= size:
            raise RangeNotSatisfiable
        return ByteRange(start, min(end, size - 1))
    if last:
        suffix = int(last)
        if suffix == 0 or size == 0:
            raise RangeNotSatisfiable
        return ByteRange(max(size - suffix, 0), size - 1)
    return None


def content_type(name):
    suffix = posixpath.splitext(name)[1].lower()
    guessed = TYPES.get(suffix) or mimetypes.guess_type(name)[0] or "application/octet-stream"
    if guessed.startswith("text/"):
        guessed += "; charset=utf-8"
    return guessed


def _storage_name(path):
    name = posixpath.normpath(path).lstrip("/")
    if name.startswith("..") or "\x00" in name or name in ("", "."):
        raise Http404
    if name.startswith(PRIVATE_PREFIXES):
        raise Http404
    return name


def _file_facts(name):
    """``(size, ETag, Last-Modified timestamp or None)``; 404 when there is no such file."""
    try:
        size = default_storage.size(name)
    except (OSError, SuspiciousFileOperation, NotImplementedError) as error:
        raise Http404 from error
    try:
        modified = int(default_storage.get_modified_time(name).timestamp())
    except (OSError, NotImplementedError):
        modified = None
    etag = f'"{size:x}-{modified or 0:x}"'
    return size, etag, modified


def _not_modified(request, etag, modified):
    if_none_match = request.headers.get("If-None-Match")
    if if_none_match is not None:
        return etag in [tag.strip() for tag in if_none_match.split(",")] or if_none_match == "*"
    since = parse_http_date_safe(request.headers.get("If-Modified-Since", ""))
    return since is not None and modified is not None and modified <= since


def _range_applies(request, etag, modified):
    """``If-Range``: honour the range only if the file is still the one the client has."""
    if_range = request.headers.get("If-Range")
    if if_range is None:
        return True
    if if_range.startswith(('"', "W/")):
        return if_range == etag
    return modified is not None and parse_http_date_safe(if_range) == modified


def _read_range(file, byte_range):
    with file:
        file.seek(byte_range.start)
        remaining = byte_range.length
        while remaining > 0:
            chunk = file.read(min(CHUNK_SIZE, remaining))
            if not chunk:
                break
            remaining -= len(chunk)
            yield chunk


def _headers(response, etag, modified):
    response.headers["Accept-Ranges"] = "bytes"
    response.headers["ETag"] = etag
    if modified is not None:
        response.headers["Last-Modified"] = http_date(modified)
    response.headers["Cache-Control"] = f"public, max-age={CACHE_SECONDS}"
    # An uploaded file opened on its own never runs scripts (HTML or SVG uploads).
    response.headers["Content-Security-Policy"] = "default-src 'none'; sandbox"
    response.headers["X-Content-Type-Options"] = "nosniff"
    return response


@require_safe
def serve(request, path):
    """Serve the uploaded file at ``path`` (relative to the media root), honouring ``Range``."""
    name = _storage_name(path)
    size, etag, modified = _file_facts(name)
    if _not_modified(request, etag, modified):
        return _headers(HttpResponseNotModified(), etag, modified)
    try:
        byte_range = (
            parse_range(request.headers.get("Range"), size)
            if _range_applies(request, etag, modified)
            else None
        )
    except RangeNotSatisfiable:
        response = HttpResponse(status=416)
        response.headers["Content-Range"] = f"bytes */{size}"
        return _headers(response, etag, modified)
    try:
        file = default_storage.open(name, "rb")
    except OSError as error:
        raise Http404 from error
    if byte_range is None:
        response = FileResponse(file, content_type=content_type(name))
        response.headers["Content-Length"] = str(size)
    else:
        response = StreamingHttpResponse(
            _read_range(file, byte_range), status=206, content_type=content_type(name)
        )
        response.headers["Content-Range"] = byte_range.content_range(size)
        response.headers["Content-Length"] = str(byte_range.length)
    return _headers(response, etag, modified)
