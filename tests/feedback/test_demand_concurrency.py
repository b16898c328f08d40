"""Demand counters are exact under concurrency: many request threads counting while flushes run
at the same time, on PostgreSQL (real concurrent transactions), with the per-process store and
with Redis; and a Redis batch is never applied twice."""

import threading
import uuid
from collections import Counter

import pytest
from django.db import close_old_connections, connection
from django.test import override_settings
from django.utils import timezone

from welcome.feedback import demand
from welcome.feedback.models import DemandBatch, PageDemand

THREADS = 8
VIEWS_PER_THREAD = 200


def _redis_available():
    try:
        import redis

        return redis.Redis(host="127.0.0.1", port=6379, socket_connect_timeout=0.5).ping()
    except Exception:
        return False


def redis_settings():
    return {
        "default": {
            "BACKEND": "welcome.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:6379/15",
            "KEY_PREFIX": f"velkommen-test-{uuid.uuid4().hex[:8]}",
        }
    }


def run_threads(work):
    start = threading.Barrier(THREADS)
    failures = []

    def run(index):
        try:
            start.wait()
            work(index)
        except Exception as error:  # reported below: a thread cannot fail the test itself
            failures.append(error)
        finally:
            close_old_connections()
            connection.close()

    threads = [threading.Thread(target=run, args=(index,)) for index in range(THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert failures == []


def count_and_flush_concurrently(key):
    """Each thread counts views of one page in two languages and flushes now and then."""
    day = timezone.localdate().isoformat()
    fields = [f"{day}|{key}|da|views", f"{day}|{key}|ar|picker"]

    def work(index):
        for number in range(VIEWS_PER_THREAD):
            demand.buffer().add(fields)
            if number % 25 == index % 25:
                demand.flush()

    run_threads(work)
    demand.flush()
    return {row.language: row for row in PageDemand.objects.filter(translation_key=key)}


def needs_postgresql():
    if connection.vendor != "postgresql":
        pytest.skip("needs PostgreSQL: SQLite's shared in-memory test database locks tables")


@pytest.mark.postgres
def test_no_increment_is_lost_with_the_per_process_store(transactional_db):
    needs_postgresql()
    key = uuid.uuid4()

    rows = count_and_flush_concurrently(key)

    assert rows["da"].views == THREADS * VIEWS_PER_THREAD
    assert rows["ar"].missed_picker == THREADS * VIEWS_PER_THREAD


@pytest.mark.postgres
def test_concurrent_flushes_of_overlapping_rows_add_up(transactional_db):
    """Upserts of the same rows from many transactions at once: no lost update, no deadlock."""
    needs_postgresql()
    keys = [uuid.uuid4() for _ in range(20)]

    def work(index):
        # Each thread touches every row, in its own order.
        mine = keys[index:] + keys[:index]
        for _ in range(10):
            demand.apply_counts(Counter({f"2026-04-01|{key}|tr|views": 1 for key in mine}))

    run_threads(work)

    assert sorted(PageDemand.objects.values_list("views", flat=True)) == [THREADS * 10] * 20


@pytest.mark.postgres
@pytest.mark.skipif(not _redis_available(), reason="needs Redis on 127.0.0.1:6379")
def test_no_increment_is_lost_with_redis(transactional_db):
    needs_postgresql()
    with override_settings(CACHES=redis_settings()):
        assert isinstance(demand.sink(), demand.RedisSink)
        key = uuid.uuid4()

        rows = count_and_flush_concurrently(key)

        assert rows["da"].views == THREADS * VIEWS_PER_THREAD
        assert rows["ar"].missed_picker == THREADS * VIEWS_PER_THREAD


@pytest.mark.skipif(not _redis_available(), reason="needs Redis on 127.0.0.1:6379")
def test_a_redis_batch_interrupted_after_its_commit_is_not_counted_twice(db):
    with override_settings(CACHES=redis_settings()):
        store = demand.sink()
        key = uuid.uuid4()
        demand.buffer().add([f"2026-04-02|{key}|uk|views"] * 3)
        demand.hand_on()
        client = store._client()
        # A flush renamed the pending hash and committed it, then died before deleting it.
        client.rename(store.pending, f"{store.pending}:batch:crashed")
        DemandBatch.objects.create(name=f"{store.pending}:batch:crashed")
        PageDemand.objects.create(day="2026-04-02", translation_key=key, language="uk", views=3)
        demand.buffer().add([f"2026-04-02|{key}|uk|views"])

        assert demand.flush() == 1

        assert PageDemand.objects.get(translation_key=key).views == 4
        assert list(client.scan_iter(match=f"{store.pending}*")) == []


@pytest.mark.skipif(not _redis_available(), reason="needs Redis on 127.0.0.1:6379")
def test_counting_falls_back_to_the_process_while_redis_is_down(db, client, topic):
    broken = {
        "default": {
            "BACKEND": "welcome.core.cache.ResilientRedisCache",
            "LOCATION": "redis://127.0.0.1:1/0",  # nothing listens there
            "OPTIONS": {"socket_connect_timeout": 0.2},
        }
    }
    with override_settings(CACHES=broken):
        assert client.get("/da/cpr/").status_code == 200
        assert demand.flush() == 1
    assert PageDemand.objects.get(translation_key=topic.translation_key).views == 1
