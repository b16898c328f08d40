import logging

import pytest
from django.contrib.auth import get_user_model

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery"


@pytest.fixture
def editor(db):
    return get_user_model().objects.create_superuser("redaktoer", "r@example.invalid", PASSWORD)


def sign_in(client, password, address="203.0.113.7", username="redaktoer"):
    return client.post(
        "/admin/login/",
        {"username": username, "password": password},
        REMOTE_ADDR=address,
    )


def test_five_failures_lock_the_username_from_that_address(client, editor):
    for _ in range(5):
        assert sign_in(client, "wrong").status_code == 200

    response = sign_in(client, PASSWORD)

    assert response.status_code == 200
    assert "Too many failed sign-in attempts" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_the_lockout_is_logged_with_username_and_address(client, editor, caplog):
    with caplog.at_level(logging.WARNING, logger="welcome.security"):
        for _ in range(5):
            sign_in(client, "wrong")

    messages = [record.getMessage() for record in caplog.records]
    assert any("username='redaktoer'" in m and "203.0.113.7" in m for m in messages)


def test_another_address_is_not_locked_out(client, editor):
    for _ in range(5):
        sign_in(client, "wrong")

    response = sign_in(client, PASSWORD, address="198.51.100.9")

    assert response.status_code == 302
    assert client.session["_auth_user_id"] == str(editor.pk)


def test_a_successful_sign_in_resets_the_count(client, editor):
    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302
    client.logout()

    for _ in range(4):
        sign_in(client, "wrong")
    assert sign_in(client, PASSWORD).status_code == 302


def test_passwords_shorter_than_twelve_characters_are_refused():
    from django.contrib.auth.password_validation import validate_password
    from django.core.exceptions import ValidationError
    from django.utils.translation import override

    with override("en"), pytest.raises(ValidationError, match="at least 12 characters"):
        validate_password("K0benhavn!1")
    validate_password("Købenshavn-velkommen-2026")
