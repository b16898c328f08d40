"""Language-demand counting: what it adds to a public page request, measured in the same run with
and without the counting receiver connected, on the page-cache hit path (the cheapest request,
where the added cost shows most) and on the rendering path, with the local-memory cache and, when
Redis answers on 127.0.0.1:6379, with Redis as the cache (page cache and counts). Also shows that
a counted request makes no database write and no Redis call for counting, and what handing the
counts on (the background thread's work) and a flush cost.

Target (issue 7): ≤ 1 ms median added per request; no synchronous database write per request.
"""

import os
import statistics
import time

os.environ["WELCOME_PAGE_CACHE_SECONDS"] = "600"  # before Django starts (common sets up Django)
os.environ["DEMAND_BUFFER_SECONDS"] = "0"  # no background thread: the bench hands on itself

from common import row
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext

from welcome.core.signals import page_served
from welcome.feedback import demand
from welcome.feedback.models import PageDemand
from welcome.pages.models import TopicPage

TOPIC_SLUG = "adresse-og-cpr-nummer"
ROUNDS = 15
PER_ROUND = 40
HEADERS = {"HTTP_ACCEPT_LANGUAGE": "ps,en;q=0.5"}  # a view and a missed language: two counters


def redis_caches():
    try:
        import redis

        redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
    except Exception:
        return None
    return {
        "default": {
            "BACKEND": "welcome.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/14",
            "KEY_PREFIX": "velkommen-bench",
        }
    }


def timed(function, runs):
    samples = []
    for _ in range(runs):
        started = time.perf_counter()
        function()
        samples.append((time.perf_counter() - started) * 1000)
    return samples


def with_and_without(function):
    """Medians (ms) with and without counting, interleaved in rounds so that drift hits both."""
    counted, plain = [], []
    for _ in range(ROUNDS):
        plain += timed(function, PER_ROUND)
        page_served.connect(demand.count_view, dispatch_uid="feedback-count-view")
        counted += timed(function, PER_ROUND)
        page_served.disconnect(dispatch_uid="feedback-count-view")
    page_served.connect(demand.count_view, dispatch_uid="feedback-count-view")
    return statistics.median(plain), statistics.median(counted)


def measure(label, url):
    client = Client()
    get = lambda: client.get(url, **HEADERS)  # noqa: E731
    for _ in range(20):
        get()
    assert get()["X-Cache"] == "hit"
    hit_plain, hit_counted = with_and_without(get)
    with override_settings(WELCOME_PAGE_CACHE_SECONDS=0):
        get()
        render_plain, render_counted = with_and_without(get)
    for path, plain, counted in (
        ("cache hit", hit_plain, hit_counted),
        ("rendered", render_plain, render_counted),
    ):
        row(
            f"{label}: {path}",
            f"{plain:.3f}",
            f"{counted:.3f}",
            f"{counted - plain:+.3f}",
            f"{counted / plain:.2f}",
        )
    with CaptureQueriesContext(connection) as hit_queries:
        get()
    with override_settings(WELCOME_PAGE_CACHE_SECONDS=0), CaptureQueriesContext(connection) as q:
        get()
    writes = [x for x in [*hit_queries, *q] if "feedback_" in x["sql"]]
    return len(hit_queries), len(writes)


def main():
    topic = TopicPage.objects.live().get(locale__language_code="da", slug=TOPIC_SLUG)
    url = topic.url
    print(f"Counting a view of {url} (Accept-Language: ps → one view and one missed language)")
    print(f"{ROUNDS} interleaved rounds × {PER_ROUND} requests each way; medians in ms")
    row("request", "without", "with", "added", "ratio")
    demand.buffer().drain()
    hit_queries, writes = measure("local-memory cache", url)
    started = time.perf_counter()
    applied = demand.flush()
    ms = (time.perf_counter() - started) * 1000
    print(f"  hand-on to the database: {applied} increments in {ms:.1f} ms (background thread)")
    caches = redis_caches()
    if caches:
        with override_settings(CACHES=caches):
            _queries, redis_writes = measure("redis cache", url)
            writes += redis_writes
            pending = sum(demand.buffer()._counts.values())
            started = time.perf_counter()
            demand.hand_on()
            push_ms = (time.perf_counter() - started) * 1000
            started = time.perf_counter()
            applied = demand.flush()
            flush_ms = (time.perf_counter() - started) * 1000
        print(f"  hand-on to Redis: {pending} increments in {push_ms:.1f} ms (background thread)")
        print(f"  flush_demand (Redis → database): {applied} increments in {flush_ms:.1f} ms")
    else:
        print("Redis does not answer on 127.0.0.1:6379: no Redis figures.")
    print(f"Queries on a counted cache hit: {hit_queries}; queries touching feedback tables in "
          f"all counted requests measured: {writes} (no synchronous database write)")  # fmt: skip
    print(f"PageDemand rows now: {PageDemand.objects.count()}")


if __name__ == "__main__":
    main()
