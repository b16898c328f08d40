"""For the load bench (``bench_load.py``): manage.py and gunicorn run on a SQLite file with the
production settings, wrk against them on 127.0.0.1, and the workers' processor time and memory
read from ``/proc``."""

import os
import re
import secrets
import signal
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
PYTHON = sys.executable
SECONDS = int(os.environ.get("BENCH_LOAD_SECONDS", "10"))
CONNECTIONS = 16
WORKERS = 2


def environment(workdir, database):
    return {
        **{key: value for key, value in os.environ.items() if key != "DJANGO_ALLOW_ASYNC_UNSAFE"},
        "DJANGO_SETTINGS_MODULE": "welcome.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(50),
        "SECURE_SSL_REDIRECT": "false",
        "ALLOWED_HOSTS": "127.0.0.1",
        "DATABASE_URL": f"sqlite:///{database}",
        "MEDIA_ROOT": str(workdir / "media"),
        "STATIC_ROOT": str(workdir / "static"),
        "REDIS_URL": "",
        "WELCOME_PAGE_CACHE_SECONDS": "600",
        "LOG_LEVEL": "WARNING",
    }


def manage(env, *args):
    result = subprocess.run(
        [PYTHON, "manage.py", *args], cwd=ROOT, env=env, capture_output=True, text=True
    )
    if result.returncode:
        sys.exit(f"manage.py {' '.join(args)} failed:\n{result.stderr[-3000:]}")
    return result.stdout


def free_port():
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


class Server:
    def __init__(self, workdir, database):
        self.env = environment(workdir, database)
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log = workdir / "server.log"
        self.process = None

    def __enter__(self):
        self.process = subprocess.Popen(
            [
                *(PYTHON, "-m", "gunicorn", "welcome.wsgi", "--bind", f"127.0.0.1:{self.port}"),
                *("--workers", str(WORKERS), "--log-level", "warning"),
            ],
            cwd=ROOT,
            env=self.env,
            stdout=subprocess.DEVNULL,
            stderr=open(self.log, "w"),
        )
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"{self.url}/healthz", timeout=2)
                return self
            except OSError:
                if self.process.poll() is not None:
                    break
                time.sleep(0.3)
        sys.exit(f"gunicorn did not start:\n{self.log.read_text()[-3000:]}")

    def __exit__(self, *exc):
        self.process.send_signal(signal.SIGTERM)
        self.process.wait(timeout=30)

    def workers(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        return children.read_text().split()

    def worker_cpu_seconds(self):
        """Processor time (user + system) the workers have used so far."""
        ticks = 0
        for pid in self.workers():
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
            ticks += int(fields[11]) + int(fields[12])  # utime, stime
        return ticks / os.sysconf("SC_CLK_TCK")

    def load(self, url, connections=CONNECTIONS, headers=()):
        """wrk's figures for ``url`` plus the workers' processor time per request."""
        before = self.worker_cpu_seconds()
        figures = wrk(url, connections=connections, headers=headers)
        figures["cpu_ms"] = (self.worker_cpu_seconds() - before) * 1000 / figures["requests"]
        return figures

    def worker_rss_mb(self):
        children = Path(f"/proc/{self.process.pid}/task/{self.process.pid}/children")
        sizes = []
        for pid in children.read_text().split():
            status = Path(f"/proc/{pid}/status").read_text()
            sizes.append(int(re.search(r"VmRSS:\s+(\d+) kB", status).group(1)) / 1024)
        return sizes


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


def fetch(url, headers=None):
    """``(status, headers)`` of one GET, redirects not followed."""
    opener = urllib.request.build_opener(NoRedirect)
    request = urllib.request.Request(url, headers=headers or {})
    try:
        with opener.open(request, timeout=10) as response:
            response.read()
            return response.status, response.headers
    except urllib.error.HTTPError as error:
        return error.code, error.headers


UNITS_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(url, connections=CONNECTIONS, seconds=SECONDS, headers=()):
    args = ["wrk", "-t", str(min(2, connections)), "-c", str(connections), "-d", f"{seconds}s"]
    args += ["--timeout", "5s"]  # the default 2 s counts a starved request on a busy machine
    for header in headers:
        args += ["-H", header]
    output = subprocess.run(
        [*args, "--latency", url], capture_output=True, text=True, check=True
    ).stdout
    rps = re.search(r"Requests/sec:\s+([\d.]+)", output)
    latencies = {
        percent: re.search(rf"^\s+{percent}%\s+([\d.]+)(us|ms|s)\s*$", output, re.M)
        for percent in ("50", "99")
    }
    if rps is None or None in latencies.values():
        sys.exit(f"wrk {url}: unexpected output\n{output}")
    figures = {
        "rps": float(rps.group(1)),
        "requests": int(re.search(r"(\d+) requests in", output).group(1)),
    }
    for percent, match in latencies.items():
        figures[f"p{percent}"] = float(match.group(1)) * UNITS_MS[match.group(2)]
    non_2xx = re.search(r"Non-2xx or 3xx responses: (\d+)", output)
    socket_errors = re.search(r"Socket errors: (.*)", output)
    if non_2xx or socket_errors:
        sys.exit(
            f"wrk {url}: errors under load — {non_2xx and non_2xx.group(0)} "
            f"{socket_errors and socket_errors.group(0)}\n{output}"
        )
    return figures
