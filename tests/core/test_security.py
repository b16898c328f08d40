import pytest

pytestmark = pytest.mark.django_db


def test_public_pages_enforce_a_strict_policy_with_a_fresh_nonce(client, translated_site):
    first = client.get("/da/")["Content-Security-Policy"]
    second = client.get("/da/")["Content-Security-Policy"]

    assert "script-src 'self' 'nonce-" in first
    assert "'unsafe-inline'" not in first
    assert "object-src 'none'" in first
    assert "frame-ancestors 'none'" in first
    assert first != second  # a new nonce each response


def test_admin_policy_only_reports(client):
    response = client.get("/admin/login/")

    assert "Content-Security-Policy" not in response
    assert "script-src" in response["Content-Security-Policy-Report-Only"]


def test_no_policy_on_non_html_responses(client, translated_site):
    response = client.get("/static/css/site.css")

    assert "Content-Security-Policy" not in response
