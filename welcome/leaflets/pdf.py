"""Leaflet PDFs with WeasyPrint: the print view's HTML, laid out with Pango so that Arabic, Persian
and Urdu are shaped and set right to left, in the Noto fonts (Debian's ``fonts-noto-core``), which
are embedded as subsets.

WeasyPrint needs Pango from the operating system. Where it is missing the import fails; the site
then explains how to install it and the print view keeps working (see :func:`engine`).
"""

import mimetypes
from urllib.parse import urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.contrib.staticfiles.storage import staticfiles_storage
from django.core.files.storage import default_storage

# Debian and Ubuntu package names, shown to whoever runs the server.
SYSTEM_PACKAGES = "libpango-1.0-0 libpangoft2-1.0-0 fonts-noto-core"
INSTALL_COMMAND = f"sudo apt-get install {SYSTEM_PACKAGES}"


def engine():
    """The ``weasyprint`` module, or ``None`` when its system libraries cannot be loaded."""
    try:
        import weasyprint
    except (ImportError, OSError):
        return None
    return weasyprint


def is_available():
    return engine() is not None


def _local_file(path):
    """Bytes of a static or media file named by its URL path, or ``None``."""
    if path.startswith(settings.STATIC_URL):
        name = path[len(settings.STATIC_URL) :]
        if staticfiles_storage.exists(name):
            with staticfiles_storage.open(name) as file:
                return file.read()
        found = finders.find(name)
        if found:
            with open(found, "rb") as file:
                return file.read()
        return None
    if path.startswith(settings.MEDIA_URL):
        name = path[len(settings.MEDIA_URL) :]
        if default_storage.exists(name):
            with default_storage.open(name) as file:
                return file.read()
    return None


def local_fetcher(weasyprint):
    """A URL fetcher that reads the site's own static and media files from disk and refuses
    everything else: rendering a PDF never makes a network request."""

    class LocalFetcher(weasyprint.URLFetcher):
        def fetch(self, url, headers=None):
            if url.startswith("data:"):
                return super().fetch(url, headers)
            body = _local_file(urlsplit(url).path)
            if body is None:
                raise ValueError(f"Not a local static or media file: {url}")
            content_type = mimetypes.guess_type(url)[0] or "application/octet-stream"
            return weasyprint.urls.URLFetcherResponse(url, body, {"Content-Type": content_type})

    return LocalFetcher()


def render_pdf(html, base_url):
    """The PDF (bytes) for the print view's ``html``. Raises ``RuntimeError`` without WeasyPrint."""
    weasyprint = engine()
    if weasyprint is None:
        raise RuntimeError("WeasyPrint's system libraries are missing.")
    document = weasyprint.HTML(
        string=html, base_url=base_url, url_fetcher=local_fetcher(weasyprint)
    )
    return document.write_pdf()
