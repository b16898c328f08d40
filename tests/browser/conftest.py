"""Browser tests: a real Chromium (Debian's package, driven by Playwright) against the demo site
served by a real server process (gunicorn) with its own database, built once per test session.

The server's database follows the suite's: a fresh SQLite file, or, when the suite runs on
PostgreSQL (DATABASE_URL), a fresh PostgreSQL database of its own. Tests must not depend on each
other's changes to the site's data.
"""

import os
import shutil
import signal
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

import dj_database_url
import pytest

ROOT = Path(__file__).resolve().parents[2]
CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
AXE_JS = Path(__import__("axe_playwright_python").__file__).with_name("axe.min.js")
AXE_SOURCE = AXE_JS.read_text(encoding="utf-8") + "\n;undefined"
WCAG_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
ADMIN = ("browser-admin", "browser-admin-password")


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)
            # One worker runs every browser test, against one server.
            item.add_marker(pytest.mark.xdist_group("browser"))


@pytest.fixture(scope="session")
def browser_type_launch_args(browser_type_launch_args):
    return {
        **browser_type_launch_args,
        "executable_path": CHROMIUM,
        "args": [
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
        ],
    }


def _free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def _database_url(workdir):
    suite_url = os.environ.get("DATABASE_URL", "")
    if not suite_url.startswith("postgres"):
        return f"sqlite:///{workdir}/browser.sqlite3", None
    config = dj_database_url.parse(suite_url)
    # One database per xdist worker: with pytest 9, xdist's loadgroup no longer keeps the
    # browser tests on one worker (it renames items through Node._nodeid, which pytest 9 ignores),
    # so each worker that runs some starts its own server.
    worker = os.environ.get("PYTEST_XDIST_WORKER", "")
    name = f"{config['NAME']}_browser" + (f"_{worker}" if worker else "")
    admin = suite_url.rsplit("/", 1)[0] + "/postgres"
    return suite_url.rsplit("/", 1)[0] + "/" + name, (admin, name)


def _recreate_postgres_database(admin_url, name):
    import psycopg

    with psycopg.connect(admin_url, autocommit=True) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')


class SiteServer:
    """The demo site in a gunicorn process; ``url`` is its base URL."""

    def __init__(self, workdir):
        self.workdir = Path(workdir)
        database_url, postgres = _database_url(self.workdir)
        if postgres:
            _recreate_postgres_database(*postgres)
        self.env = {
            **os.environ,
            "DJANGO_SETTINGS_MODULE": "welcome.settings.test",
            "DATABASE_URL": database_url,
            "MEDIA_ROOT": str(self.workdir / "media"),
            # One browser session sends feedback from many tests; the limit itself is tested
            # in tests/feedback.
            "FEEDBACK_RATE_LIMIT": "1000",
        }
        self.port = _free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def manage(self, *args):
        result = subprocess.run(
            [sys.executable, "manage.py", *args],
            cwd=ROOT,
            env=self.env,
            capture_output=True,
            text=True,
            timeout=600,
        )
        if result.returncode:
            raise RuntimeError(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
        return result.stdout

    def shell(self, code):
        """Run Python in the server's Django (its database); return what it prints."""
        return self.manage("shell", "--no-imports", "-c", code)

    def start(self):
        self.manage("migrate", "--noinput", "-v0")
        self.manage("load_demo")
        username, password = ADMIN
        self.shell(
            "from django.contrib.auth import get_user_model; get_user_model().objects"
            f".create_superuser({username!r}, 'admin@example.invalid', {password!r})"
        )
        self.process = subprocess.Popen(
            [
                sys.executable,
                "-m",
                "gunicorn",
                "welcome.wsgi",
                "--bind",
                f"127.0.0.1:{self.port}",
                "--workers",
                "1",
                "--threads",
                "8",
                "--log-level",
                "warning",
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.workdir / "server.log", "w"),  # noqa: SIM115
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/da/", timeout=2)
                return
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        raise RuntimeError((self.workdir / "server.log").read_text()[-3000:])

    def stop(self):
        if self.process and self.process.poll() is None:
            self.process.send_signal(signal.SIGTERM)
            self.process.wait(timeout=20)


@pytest.fixture(scope="session")
def site_server():
    with tempfile.TemporaryDirectory(prefix="velkommen-browser-") as workdir:
        server = SiteServer(workdir)
        try:
            server.start()
            yield server
        finally:
            server.stop()


@pytest.fixture
def admin_page(page, site_server):
    """A Playwright page logged in to the Wagtail admin as a superuser."""
    login(page, site_server, *ADMIN)
    return page


def login(page, site_server, username, password):
    page.goto(f"{site_server.url}/admin/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("button[type=submit]")
    page.wait_for_url(f"{site_server.url}/admin/**")


def axe_violations(page, tags=WCAG_TAGS, within=None):
    """axe-core's WCAG 2.1 A/AA violations on the page as loaded: ``[(id, impact, targets)]``;
    ``within``: a CSS selector to check only that part of the page (e.g. an admin view's own
    content inside Wagtail's chrome)."""
    # Evaluated through the DevTools protocol, which the site's Content-Security-Policy does not
    # govern (a <script> tag added to the page would be refused: no nonce).
    page.evaluate(AXE_SOURCE)
    result = page.evaluate(
        "async ([tags, within]) => await axe.run(within ? {include: [within]} : document,"
        " {runOnly: {type: 'tag', values: tags}})",
        [tags, within],
    )
    return [
        (v["id"], v["impact"], [node["target"] for node in v["nodes"]][:5])
        for v in result["violations"]
    ]
