"""Concurrent scans of one sign are all counted (PostgreSQL: real concurrent transactions)."""

import threading

import pytest
from django.db import close_old_connections, connection
from wagtail.models import Locale

from welcome.signs.models import SignScan
from welcome.signs.scans import record_scan

from .factories import SignFactory

THREADS = 8
SCANS_PER_THREAD = 25


@pytest.mark.postgres
def test_concurrent_scans_are_not_lost(transactional_db):
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite's shared in-memory test database locks tables")
    # An earlier transactional test on this worker may have flushed the migrated locales.
    Locale.objects.get_or_create(language_code="da")
    sign = SignFactory()
    start = threading.Barrier(THREADS)
    failures = []

    def scan():
        try:
            start.wait()
            for _ in range(SCANS_PER_THREAD):
                record_scan(sign, "ar")
        except Exception as error:  # reported below: a thread cannot fail the test itself
            failures.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=scan) for _ in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()

    assert failures == []
    assert SignScan.objects.get(sign_key=sign.translation_key, language="ar").count == (
        THREADS * SCANS_PER_THREAD
    )
