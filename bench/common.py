"""Shared by the benchmarks: Django set up on the development database (``make bench`` runs
``make setup`` first, so the demo site is there) with DEBUG off, and small timing helpers."""

import os
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "welcome.settings.dev")
os.environ["DEBUG"] = "false"
# Benches measure rendering; the page-cache bench turns the cache on itself.
os.environ.setdefault("WELCOME_PAGE_CACHE_SECONDS", "0")

import django  # noqa: E402

django.setup()

from django.core.handlers.wsgi import WSGIHandler  # noqa: E402
from django.db import connection  # noqa: E402
from django.test import RequestFactory  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


class WsgiClient:
    """GET requests through Django's WSGI handler, as a WSGI server (gunicorn) makes them.

    For anonymous page benches rather than Django's test ``Client``: each of its requests leaves
    signal finalizers behind, and a long run slows down as they pile up (about 2 ms per topic page
    after a few thousand requests).
    """

    def __init__(self):
        self.handler = WSGIHandler()
        self.factory = RequestFactory()

    def get(self, path, **headers):
        """``(status code, body)``; any status but 200 fails the bench."""
        statuses = []
        environ = self.factory.get(path, headers=headers).environ
        response = self.handler(environ, lambda status, *args: statuses.append(status))
        try:
            body = b"".join(response)
        finally:
            response.close()  # sends request_finished, as a WSGI server does
        if not statuses[0].startswith("200"):
            sys.exit(f"GET {path}: {statuses[0]}")
        return body


def median_ms(function, runs=50, warmup=5, clock=time.perf_counter):
    """Median time of ``function()`` in milliseconds: wall time, or what ``clock`` measures."""
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(runs):
        started = clock()
        function()
        samples.append((clock() - started) * 1000)
    return statistics.median(samples)


def cpu_median_ms(function, runs=50):
    """Median processor time of ``function()`` in this process (Python and SQLite alike): what
    the wall time would be on a machine with nothing else running."""
    return median_ms(function, runs=runs, warmup=0, clock=time.process_time)


def in_scratch_database(run):
    """``run()`` against a new, migrated database of its own (Django's test database), removed
    afterwards: for benches that build their own site instead of reading the demo."""
    old_name = connection.creation.create_test_db(verbosity=0, autoclobber=True)
    try:
        run()
    finally:
        connection.creation.destroy_test_db(old_name, verbosity=0)


def danish_home():
    """A Danish home page under the tree's root, made the default site's root page."""
    from wagtail.models import Locale, Page, Site

    from welcome.pages.models import HomePage

    home = Page.get_first_root_node().add_child(
        instance=HomePage(
            title="Velkommen", slug="velkommen", locale=Locale.objects.get(language_code="da")
        )
    )
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def query_count(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def row(label, *values):
    print(f"  {label:<34}" + "".join(f"{value:>14}" for value in values))
