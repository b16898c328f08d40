from unittest import mock

import pytest
from django.db import OperationalError

from welcome.core import health


@pytest.mark.django_db
def test_ready_when_the_database_answers_and_migrations_are_applied(client):
    response = client.get("/readyz")

    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-cache" in response["Cache-Control"]


def test_alive_without_touching_the_database(client):
    # No database access is allowed in this test: pytest-django fails any query.
    response = client.get("/healthz")

    assert response.json() == {"status": "ok"}


@pytest.mark.django_db
def test_not_ready_when_the_database_is_unreachable(client):
    with mock.patch("welcome.core.health.connection.cursor", side_effect=OperationalError("down")):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["reason"] == "database unreachable"


@pytest.mark.django_db
def test_not_ready_while_migrations_are_pending(client, monkeypatch):
    monkeypatch.setattr(health, "_migrations_applied", False)
    with mock.patch.object(health.MigrationExecutor, "migration_plan", return_value=["pending"]):
        response = client.get("/readyz")

    assert response.status_code == 503
    assert response.json()["reason"] == "migrations pending"
