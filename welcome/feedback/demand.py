"""Language demand: what readers were served and which languages they wanted but could not get.

Counting happens on every public page view (``welcome.core.signals.page_served``, sent for cache
hits too) and must cost next to nothing, so a view is never written to the database, nor sent to
Redis, during the request:

1. the request adds to this process's buffer (a ``Counter`` under a lock: microseconds);
2. a daemon thread in each process hands the buffer on every ``WELCOME_DEMAND_BUFFER_SECONDS``
   (and at exit): with Redis as the cache, into one pending Redis hash (``HINCRBY``, one round
   trip for all the counts); without Redis, or while Redis is unreachable, straight into the
   database;
3. ``manage.py flush_demand`` (cron or a systemd timer, e.g. every 5 minutes) renames the Redis
   hash atomically (new counts start a fresh one) and adds its counts to ``PageDemand`` rows with
   ``INSERT … ON CONFLICT DO UPDATE SET views = views + excluded.views``, claiming the batch by
   name in the same transaction, so a flush interrupted after its commit, or two overlapping
   flushes, never count a batch twice.

A process killed without warning loses at most its last few seconds of counts: statistics, not
accounts.

What counts as a miss, for the page served (all its language versions, by translation key):
the address asked for language X and a fallback was served (from the picker, else the remembered
choice, else ``Accept-Language``, else a link or typed address), or the reader's remembered
language or first ``Accept-Language`` language is one the page does not exist in. Languages we do
not offer at all count too (any language CLDR knows), so the report shows which to add.
"""

import atexit
import contextlib
import logging
import threading
import uuid
from collections import Counter
from datetime import timedelta
from functools import lru_cache

from babel.localedata import locale_identifiers
from django.conf import settings
from django.core.cache import caches
from django.core.cache.backends.redis import RedisCache
from django.db import IntegrityError, close_old_connections, connection, transaction
from django.utils import timezone
from django.utils.translation.trans_real import parse_accept_lang_header

from welcome.languages import registry
from welcome.languages.negotiation import MAX_ACCEPT_LANGUAGE_LENGTH

from .models import DemandBatch, PageDemand

logger = logging.getLogger(__name__)

VIEWS = "views"
SOURCES = ("picker", "cookie", "header", "address")
COLUMNS = {VIEWS: "views", **{source: f"missed_{source}" for source in SOURCES}}
PENDING_KEY = "welcome:demand:pending"
BATCH_RETENTION = timedelta(days=7)


@lru_cache(maxsize=1)
def _known_languages():
    return frozenset(code for code in locale_identifiers() if "_" not in code)


def wanted_from_header(header):
    """The base language of the browser's first choice, if CLDR knows it (``ps-AF`` → ``ps``)."""
    if not header or len(header) > MAX_ACCEPT_LANGUAGE_LENGTH:
        return None
    for tag, _quality in parse_accept_lang_header(header):
        if tag == "*":
            continue
        base = tag.split("-", 1)[0].lower()
        return base if base in _known_languages() else None
    return None


def misses(request, requested, shown, available):
    """``{language: source}`` of the languages this reader wanted and did not get."""
    found = {}
    cookie = request.COOKIES.get(settings.LANGUAGE_COOKIE_NAME, "")
    cookie = cookie if registry.is_supported(cookie) else None
    header = wanted_from_header(request.headers.get("Accept-Language", ""))
    if requested != shown:
        match = request.resolver_match
        if match is not None and match.view_name == "languages:page_in_language":
            found[requested] = "picker"
        elif cookie == requested:
            found[requested] = "cookie"
        elif header == requested:
            found[requested] = "header"
        else:
            found[requested] = "address"
    if available is not None:
        for language, source in ((cookie, "cookie"), (header, "header")):
            if language and language != shown and language not in available:
                found.setdefault(language, source)
    return found


def count_view(sender, request, page_id, requested, shown, translation_key=None, available=None,
               **extra):  # fmt: skip
    """``page_served`` receiver: count the view and any missed languages (no database)."""
    key = translation_key or f"page-{page_id}"
    day = timezone.localdate().isoformat()
    fields = [f"{day}|{key}|{shown}|{VIEWS}"]
    for language, source in misses(request, requested, shown, available).items():
        fields.append(f"{day}|{key}|{language}|{source}")
    _buffer.add(fields)


# --- buffer and sinks -------------------------------------------------------------------------


class Buffer:
    """This process's counts since they were last handed on, under a lock (a request adds to a
    ``Counter``: microseconds). A daemon thread hands them on every
    ``WELCOME_DEMAND_BUFFER_SECONDS``; ``flush()`` does it at once."""

    def __init__(self):
        self._lock = threading.Lock()
        self._counts = Counter()
        self._thread = None

    def add(self, fields):
        with self._lock:
            for field in fields:
                self._counts[field] += 1
        if self._thread is None:
            self._start()

    def drain(self):
        with self._lock:
            counts, self._counts = self._counts, Counter()
        return counts

    def give_back(self, counts):
        with self._lock:
            self._counts.update(counts)

    def _start(self):
        seconds = settings.WELCOME_DEMAND_BUFFER_SECONDS
        if seconds <= 0:
            return
        with self._lock:
            if self._thread is None:
                self._thread = threading.Thread(
                    target=_hand_on_forever, args=(seconds,), daemon=True, name="demand-counts"
                )
                self._thread.start()
                atexit.register(_hand_on_quietly)


def _hand_on_forever(seconds):
    stop = threading.Event()
    while not stop.wait(seconds):
        _hand_on_quietly()


def _hand_on_quietly():
    try:
        hand_on()
    except Exception:
        logger.exception("Handing on the language-demand counts failed; kept for later.")
    finally:
        close_old_connections()
        connection.close()


class DatabaseSink:
    """Without Redis: the counts go straight into ``PageDemand``."""

    def take(self, counts):
        with transaction.atomic():
            apply_counts(counts)
        return sum(counts.values())

    def collect(self):
        return 0


class RedisSink:
    """With Redis: every process adds its counts to one pending hash (``HINCRBY``, one round
    trip per hand-on); ``collect`` moves the hash into the database."""

    def __init__(self, redis_cache):
        self.cache = redis_cache
        self.pending = redis_cache.make_and_validate_key(PENDING_KEY)

    def _client(self):
        return self.cache._cache.get_client(write=True)

    def take(self, counts):
        pipe = self._client().pipeline(transaction=False)
        for field, amount in counts.items():
            pipe.hincrby(self.pending, field, amount)
        pipe.execute()
        return 0  # not in the database yet

    def collect(self):
        from redis.exceptions import ResponseError

        client = self._client()
        with contextlib.suppress(ResponseError):  # nothing pending
            client.rename(self.pending, f"{self.pending}:batch:{uuid.uuid4().hex}")
        total = 0
        for name in client.scan_iter(match=f"{self.pending}:batch:*"):
            name = name.decode() if isinstance(name, bytes) else name
            raw = client.hgetall(name)
            counts = Counter({field.decode(): int(value) for field, value in raw.items()})
            try:
                with transaction.atomic():
                    # Claim the batch first: a concurrent flush claiming it waits on the unique
                    # name and then fails, so every batch is applied exactly once.
                    DemandBatch.objects.create(name=name)
                    apply_counts(counts)
            except IntegrityError:
                pass  # applied by an earlier or a concurrent flush
            else:
                total += sum(counts.values())
            client.delete(name)
        return total


_buffer = Buffer()
_sinks = {}


def buffer():
    return _buffer


def sink():
    """Where counts go for the configured default cache: Redis, or the database (one sink per
    configuration; the Redis client is thread-safe and shared by every thread)."""
    config = settings.CACHES["default"]
    identity = (config["BACKEND"], str(config.get("LOCATION")), config.get("KEY_PREFIX"))
    found = _sinks.get(identity)
    if found is None:
        backend = caches["default"]
        found = RedisSink(backend) if isinstance(backend, RedisCache) else DatabaseSink()
        _sinks[identity] = found
    return found


def hand_on():
    """Pass this process's counts to the sink; straight to the database while Redis is down.
    Returns how many increments reached the database."""
    from redis.exceptions import RedisError

    counts = _buffer.drain()
    if not counts:
        return 0
    try:
        try:
            return sink().take(counts)
        except RedisError as error:
            logger.warning("Redis unavailable (%s): demand counts go to the database.", error)
            return DatabaseSink().take(counts)
    except Exception:
        _buffer.give_back(counts)
        raise


def flush():
    """Hand on this process's counts and move everything pending into ``PageDemand``; return
    how many increments reached the database. ``manage.py flush_demand`` runs this."""
    from redis.exceptions import RedisError

    done = hand_on()
    try:
        done += sink().collect()
    except RedisError as error:
        logger.warning("Redis unavailable (%s): its counters are collected later.", error)
    DemandBatch.objects.filter(applied_at__lt=timezone.now() - BATCH_RETENTION).delete()
    return done


# --- the database side -------------------------------------------------------------------------


def rows_from(counts):
    """``{(day, key, language): {column: n}}`` from ``{"day|key|language|kind": n}``."""
    rows = {}
    for field, amount in counts.items():
        day, key, language, kind = field.split("|")
        if kind not in COLUMNS or key.startswith("page-"):
            continue
        row = rows.setdefault((day, key, language), dict.fromkeys(COLUMNS.values(), 0))
        row[COLUMNS[kind]] += amount
    return rows


def apply_counts(counts):
    """Add ``counts`` to the ``PageDemand`` rows in one statement per batch of rows: an upsert
    that adds (``col = col + excluded.col``), exact under concurrent flushes (PostgreSQL and
    SQLite both support ``ON CONFLICT … DO UPDATE``)."""
    rows = rows_from(counts)
    if not rows:
        return
    quote = connection.ops.quote_name
    table = quote(PageDemand._meta.db_table)
    columns = list(COLUMNS.values())
    uuid_value = (lambda key: str(uuid.UUID(key))) if connection.vendor == "postgresql" else (
        lambda key: uuid.UUID(key).hex
    )  # fmt: skip
    names = ", ".join(quote(name) for name in ["day", "translation_key", "language", *columns])
    placeholders = ", ".join(["%s"] * (3 + len(columns)))
    updates = ", ".join(f"{quote(c)} = {table}.{quote(c)} + excluded.{quote(c)}" for c in columns)
    sql = (
        f"INSERT INTO {table} ({names}) VALUES ({placeholders}) "
        f"ON CONFLICT (day, translation_key, language) DO UPDATE SET {updates}"
    )
    # Sorted, so concurrent flushes lock rows in the same order (no deadlock).
    params = [
        [day, uuid_value(key), language, *(values[c] for c in columns)]
        for (day, key, language), values in sorted(rows.items())
    ]
    with connection.cursor() as cursor:
        cursor.executemany(sql, params)
