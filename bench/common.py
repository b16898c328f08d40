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

from django.db import connection  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402


def median_ms(function, runs=50, warmup=5):
    """Median wall time of ``function()`` in milliseconds."""
    for _ in range(warmup):
        function()
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return statistics.median(samples)


def query_count(function):
    with CaptureQueriesContext(connection) as captured:
        function()
    return len(captured)


def row(label, *values):
    print(f"  {label:<34}" + "".join(f"{value:>14}" for value in values))
