"""Reading an export from a file or an http(s) address, within a time and size limit."""

import time
import urllib.error
import urllib.request
from pathlib import Path
from urllib.parse import urlsplit

from .validation import URL_SCHEMES, DocumentError

CHUNK = 64 * 1024


class _SafeRedirects(urllib.request.HTTPRedirectHandler):
    """Follow redirects to http and https only (urllib would also follow ftp)."""

    def redirect_request(self, req, fp, code, msg, headers, newurl):
        if urlsplit(newurl).scheme not in URL_SCHEMES:
            raise DocumentError([f"Refused a redirect to {newurl[:100]!r}."])
        return super().redirect_request(req, fp, code, msg, headers, newurl)


_opener = urllib.request.build_opener(_SafeRedirects)


def is_url(source):
    return "://" in source


def read(source, *, timeout, max_bytes):
    """The bytes of ``source`` (a path or an http(s) URL). Raises :class:`DocumentError`."""
    if is_url(source):
        return _read_url(source, timeout=timeout, max_bytes=max_bytes)
    path = Path(source)
    if not path.is_file():
        raise DocumentError([f"There is no file {source!r}."])
    if path.stat().st_size > max_bytes:
        raise DocumentError([f"The file is larger than {max_bytes} bytes."])
    return path.read_bytes()


def _read_url(url, *, timeout, max_bytes):
    if urlsplit(url).scheme not in URL_SCHEMES:
        raise DocumentError([f"Only http and https addresses can be fetched, not {url[:100]!r}."])
    request = urllib.request.Request(
        url, headers={"Accept": "application/json", "User-Agent": "Velkommen import_practices"}
    )
    deadline = time.monotonic() + timeout
    try:
        with _opener.open(request, timeout=timeout) as response:
            declared = response.headers.get("Content-Length")
            if declared and declared.isdigit() and int(declared) > max_bytes:
                raise DocumentError([f"The export is larger than {max_bytes} bytes."])
            data = bytearray()
            while chunk := response.read(CHUNK):
                data.extend(chunk)
                if len(data) > max_bytes:
                    raise DocumentError([f"The export is larger than {max_bytes} bytes."])
                if time.monotonic() > deadline:
                    raise DocumentError([f"Fetching {url[:100]} took longer than {timeout:g} s."])
            return bytes(data)
    except urllib.error.HTTPError as error:
        raise DocumentError([f"{url[:100]} answered {error.code} {error.reason}."]) from error
    except (urllib.error.URLError, TimeoutError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise DocumentError([f"Could not fetch {url[:100]}: {reason}."]) from error
