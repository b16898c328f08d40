"""Load bench: gunicorn with 2 workers on 127.0.0.1 under wrk, 16 connections, each run bounded in
time (``BENCH_LOAD_SECONDS``, default 10 s).

Databases: SQLite files built by ``manage.py generate_load_data`` (the demo site plus 10,000 and
1,000 topic pages per active language) in a temporary directory, removed at the end; set
``BENCH_LOAD_DIR`` to keep and reuse them between runs (building 10,000 pages × 9 languages takes
a few minutes). The server runs the production settings (secure-by-default, with the HTTPS
redirect off: loopback HTTP) and a local-memory cache per worker.

Measured in the same run:
- ``/healthz``: a trivial Django view through the whole middleware stack (the ceiling);
- a cached topic page (the last generated page, three levels down, from the page cache);
- the same page uncached (a query string: the page cache never stores or answers those, and the
  bench checks that no ``X-Cache`` header comes back);
- the translation overview in the admin, signed in as a superuser (all languages), with
  ``OVERVIEW_CONNECTIONS`` connections.
Each: requests/s, latency p50/p99, non-2xx responses and socket errors (any error fails the bench).
Then the ratios and targets of issue 8: cached ≥ 0.8 × trivial; uncached ≥ 200 requests/s with
p99 ≤ 100 ms; resident memory per worker ≤ 200 MB (from /proc, after the public pages and again
after the overview); and the uncached page's render time with 1,000 and with 10,000 pages per
language (both servers running, one request at a time, in turn).
The machine is shared: the load average is printed with the figures.
"""

import os
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from loadserver import CONNECTIONS, SECONDS, WORKERS, Server, environment, fetch, manage

SIZES = (10_000, 1_000)
# The overview lists every object in every language for an officer: seconds, not milliseconds,
# with 10,000 pages per language, so it gets fewer connections than wrk's timeout would starve.
OVERVIEW_CONNECTIONS = 2
RENDER_ROUNDS = 400
TARGETS = {"cached_ratio": 0.8, "uncached_rps": 200, "uncached_p99_ms": 100, "rss_mb": 200}


def build_databases(workdir):
    """``{pages: database path}``: the demo site migrated and loaded once, then copied and grown by
    generate_load_data to each size (kept when already there)."""
    base = workdir / "demo.sqlite3"
    if not base.exists():
        env = environment(workdir, workdir / "building.sqlite3")
        print("Building the demo database ...", flush=True)
        manage(env, "migrate", "--noinput", "-v0")
        manage(env, "load_demo")
        (workdir / "building.sqlite3").rename(base)
    databases = {}
    for pages in SIZES:
        database = workdir / f"pages-{pages}.sqlite3"
        if not database.exists():
            started = time.monotonic()
            shutil.copy(base, workdir / "growing.sqlite3")
            env = environment(workdir, workdir / "growing.sqlite3")
            manage(env, "generate_load_data", "--pages", str(pages))
            (workdir / "growing.sqlite3").rename(database)
            print(
                f"generate_load_data --pages {pages}: {time.monotonic() - started:.0f} s",
                flush=True,
            )
        databases[pages] = database
    return databases


def topic_path(server, pages):
    """The last generated page in Danish (three levels below the home page with 1,000 pages or
    more), found through the site itself."""
    code = (
        "from welcome.pages.models import TopicPage; print(TopicPage.objects.get("
        f"locale__language_code='da', slug__startswith='load-{pages}-').url_path)"
    )
    url_path = manage(server.env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1]
    # url_path starts with the home page's own slug; public URLs carry the language prefix.
    return "/da/" + url_path.split("/", 2)[2]


def check_cache_behaviour(server, path):
    status, headers = fetch(server.url + path)
    if status != 200:
        sys.exit(f"{path}: status {status}")
    # Each worker has its own local-memory cache: ask until one answers from it.
    hits = [fetch(server.url + path)[1].get("X-Cache") for _ in range(10)]
    if "hit" not in hits:
        sys.exit(f"{path} is not served from the page cache (X-Cache: {hits})")
    status, headers = fetch(server.url + path + "?uncached=1")
    if status != 200 or headers.get("X-Cache"):
        sys.exit(f"{path}?uncached=1 touched the page cache (X-Cache: {headers.get('X-Cache')})")


def overview_url(server):
    """The translation overview (admin), or ``None`` with the reason when it does not exist."""
    code = (
        "from django.urls import NoReverseMatch, reverse\n"
        "try:\n    print(reverse('translation:overview'))\n"
        "except NoReverseMatch:\n    print('-')"
    )
    path = manage(server.env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1]
    return None if path == "-" else path


def renders_in_turn(servers):
    """``{size: {"p50": ms, "cpu_ms": ms}}``: the uncached page of each server, requested one at a
    time and in turn (so that a slower spell of the shared machine falls on both alike), with the
    latency seen by the client and the workers' processor time per request."""
    latencies = {size: [] for size in servers}
    cpu_before = {size: server.worker_cpu_seconds() for size, (server, _path) in servers.items()}
    for _ in range(RENDER_ROUNDS):
        for size, (server, path) in servers.items():
            started = time.perf_counter()
            status, _headers = fetch(server.url + path + "?uncached=1")
            latencies[size].append((time.perf_counter() - started) * 1000)
            if status != 200:
                sys.exit(f"{path}?uncached=1 with {size} pages: status {status}")
    return {
        size: {
            "p50": statistics.median(latencies[size]),
            "cpu_ms": (server.worker_cpu_seconds() - cpu_before[size]) * 1000 / RENDER_ROUNDS,
        }
        for size, (server, _path) in servers.items()
    }


def admin_session(server):
    """The ``Cookie`` header of a signed-in superuser: a session made in the database, as signing
    in makes it (the bench's own user, created if missing)."""
    code = (
        "from django.conf import settings\n"
        "from django.contrib import auth\n"
        "from django.contrib.sessions.backends.db import SessionStore\n"
        "user, _ = auth.get_user_model().objects.get_or_create(username='bench-admin', "
        "defaults={'is_superuser': True, 'is_staff': True, 'email': 'bench@example.org'})\n"
        "session = SessionStore()\n"
        "session[auth.SESSION_KEY] = str(user.pk)\n"
        "session[auth.BACKEND_SESSION_KEY] = settings.AUTHENTICATION_BACKENDS[0]\n"
        "session[auth.HASH_SESSION_KEY] = user.get_session_auth_hash()\n"
        "session.create()\n"
        "print(f'{settings.SESSION_COOKIE_NAME}={session.session_key}')"
    )
    return manage(server.env, "shell", "--no-imports", "-c", code).strip().splitlines()[-1]


def load_overview(server, path):
    """The overview's figures, signed in; it is built per request (never from a cache)."""
    cookie = admin_session(server)
    status, headers = fetch(server.url + path, headers={"Cookie": cookie})
    if status != 200 or headers.get("X-Cache"):
        sys.exit(f"{path} signed in: status {status}, X-Cache {headers.get('X-Cache')}")
    return server.load(
        server.url + path, connections=OVERVIEW_CONNECTIONS, headers=[f"Cookie: {cookie}"]
    )


def report(label, figures):
    print(
        f"  {label:<28}{figures['rps']:>7.0f} req/s   p50 {figures['p50']:>6.1f} ms"
        f"   p99 {figures['p99']:>6.1f} ms   worker CPU {figures['cpu_ms']:>5.2f} ms/request",
        flush=True,
    )


def verdict(ok):
    return "ok" if ok else "MISSED"


def main():
    if not shutil.which("wrk"):
        sys.exit("wrk is not installed: apt-get install -y wrk")
    keep = os.environ.get("BENCH_LOAD_DIR")
    workdir = Path(keep or tempfile.mkdtemp(prefix="velkommen-load-"))
    workdir.mkdir(parents=True, exist_ok=True)
    print(f"Databases and media in {workdir}" + ("" if keep else " (removed at the end)"))
    try:
        run(workdir)
    finally:
        if not keep:
            shutil.rmtree(workdir, ignore_errors=True)


def run(workdir):
    databases = build_databases(workdir)
    manage(environment(workdir, databases[SIZES[0]]), "collectstatic", "--noinput", "-v0")
    print(
        f"gunicorn {WORKERS} sync workers, wrk {CONNECTIONS} connections × {SECONDS} s; "
        f"load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores"
    )
    with Server(workdir, databases[SIZES[0]]) as server:
        path = topic_path(server, SIZES[0])
        check_cache_behaviour(server, path)
        print(f"{SIZES[0]} pages per language; topic page {path}")
        trivial = server.load(server.url + "/healthz")
        report("trivial view /healthz", trivial)
        cached = server.load(server.url + path)
        report("cached topic page", cached)
        uncached = server.load(server.url + path + "?uncached=1")
        report("uncached topic page", uncached)
        rss_public = server.worker_rss_mb()
        overview = overview_url(server)
        if overview is None:
            print("  translation overview: skipped — the translation engine is not installed")
        else:
            report(
                f"translation overview ({OVERVIEW_CONNECTIONS} conn.)",
                load_overview(server, overview),
            )
        rss = server.worker_rss_mb()
        with Server(workdir, databases[SIZES[1]]) as small:
            small_path = topic_path(small, SIZES[1])
            render = renders_in_turn({SIZES[0]: (server, path), SIZES[1]: (small, small_path)})

    idle = WORKERS * 1000  # processor milliseconds per second with 2 workers on 2 idle cores
    ratio = cached["rps"] / trivial["rps"]
    cpu_ratio = trivial["cpu_ms"] / cached["cpu_ms"]
    print("Targets (issue 8); 'measured' is wall clock on this shared machine, 'by CPU' is what")
    print("the workers' processor time per request allows on 2 idle cores:")
    print(
        f"  cached / trivial: measured {ratio:.2f}, by CPU {cpu_ratio:.2f} "
        f"(≥ {TARGETS['cached_ratio']}) {verdict(ratio >= TARGETS['cached_ratio'])} / "
        f"{verdict(cpu_ratio >= TARGETS['cached_ratio'])}"
    )
    capacity = idle / uncached["cpu_ms"]
    print(
        f"  uncached: measured {uncached['rps']:.0f} req/s, by CPU {capacity:.0f} req/s "
        f"(≥ {TARGETS['uncached_rps']}) {verdict(uncached['rps'] >= TARGETS['uncached_rps'])} / "
        f"{verdict(capacity >= TARGETS['uncached_rps'])}; p99 {uncached['p99']:.1f} ms "
        f"(≤ {TARGETS['uncached_p99_ms']}) {verdict(uncached['p99'] <= TARGETS['uncached_p99_ms'])}"
    )
    print(
        "  worker memory after the public pages "
        + ", ".join(f"{size:.0f} MB" for size in rss_public)
        + ", after the overview too "
        + ", ".join(f"{size:.0f} MB" for size in rss)
        + f" (≤ {TARGETS['rss_mb']}) {verdict(max(rss + rss_public) <= TARGETS['rss_mb'])}"
    )
    small, large = render[SIZES[1]], render[SIZES[0]]
    growth = large["cpu_ms"] / small["cpu_ms"]
    print(
        f"  uncached render, one request at a time, {RENDER_ROUNDS} each in turn: "
        f"{small['cpu_ms']:.1f} ms CPU (p50 {small['p50']:.1f} ms) with {SIZES[1]} pages, "
        f"{large['cpu_ms']:.1f} ms CPU (p50 {large['p50']:.1f} ms) with "
        f"{SIZES[0]} (× {growth:.2f}; flat is ≤ 1.2) {verdict(growth <= 1.2)}"
    )
    print(f"Load average after the runs: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
