"""Settings are read from the environment; production is safe by default. Each case starts a fresh
interpreter, since settings are read once per process."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]


def manage(*args, **env):
    environment = {key: value for key, value in os.environ.items() if key not in ("SECRET_KEY",)}
    environment.update(env)
    return subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env=environment,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_production_refuses_to_start_without_a_secret_key():
    result = manage("check", DJANGO_SETTINGS_MODULE="welcome.settings.production")

    assert result.returncode != 0
    assert "SECRET_KEY must be set" in result.stderr


def test_production_passes_the_deployment_checklist_without_warnings():
    result = manage(
        "check",
        "--deploy",
        "--fail-level",
        "WARNING",
        DJANGO_SETTINGS_MODULE="welcome.settings.production",
        SECRET_KEY=secrets.token_urlsafe(50),
        ALLOWED_HOSTS="velkommen.kk.dk",
    )

    assert result.returncode == 0, result.stderr
    assert "no issues" in result.stdout


def test_cache_is_redis_when_redis_url_is_set_and_local_memory_otherwise():
    code = "from django.conf import settings; print(settings.CACHES['default']['BACKEND'])"
    with_redis = manage(
        "shell",
        "-c",
        code,
        DJANGO_SETTINGS_MODULE="welcome.settings.dev",
        REDIS_URL="redis://x:1/0",
    )
    without = manage(
        "shell", "-c", code, DJANGO_SETTINGS_MODULE="welcome.settings.dev", REDIS_URL=""
    )

    assert with_redis.stdout.strip().endswith("RedisCache")
    assert without.stdout.strip().endswith("LocMemCache")


def test_database_url_selects_postgresql():
    code = "from django.conf import settings; print(settings.DATABASES['default']['ENGINE'])"
    result = manage(
        "shell",
        "-c",
        code,
        DJANGO_SETTINGS_MODULE="welcome.settings.dev",
        DATABASE_URL="postgres://u@127.0.0.1:5432/velkommen",
    )

    assert result.stdout.strip().endswith("postgresql")
