"""WCAG 2.1 A/AA (axe-core) on every public page type in Danish, Arabic, Urdu and Somali: zero
violations. One browser page and the session's demo server serve the whole module.

A new page type is one line in PAGES: ``(id, path)`` where ``{code}`` is the reader's language
(paths without it are language-independent and checked once).
"""

import pytest

from .conftest import axe_violations

LANGUAGES = ["da", "ar", "ur", "so"]
PAGES = [
    ("home", "/{code}/"),
    ("topic", "/{code}/adresse-og-cpr-nummer/"),
    ("leaflet", "/{code}/pjecer/velkommen-til-koebenhavn/"),
    ("leaflet-print", "/{code}/pjecer/velkommen-til-koebenhavn/print/"),
    ("video", "/{code}/film/velkommen-til-koebenhavn/"),
    ("practice-list", "/{code}/practices/"),
    ("practice", "/{code}/practices/dag-1-velkomstpakke/"),
    ("search", "/{code}/search/?q=CPR"),
    ("not-found", "/{code}/no-such-page/"),
    ("sign-print", "/signs/borgerservice/print/"),
    # ("feedback-confirmation", "/{code}/feedback/thanks/"),  # once welcome.feedback lands
]
CASES = [
    pytest.param(path.format(code=code), id=f"{name}-{code}")
    for name, path in PAGES
    for code in (LANGUAGES if "{code}" in path else LANGUAGES[:1])
]


@pytest.fixture(scope="module")
def reader(browser, site_server):
    """One browser page for the module (a fresh context: no cookies from other tests)."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("path", CASES)
def test_no_accessibility_violations(reader, site_server, path):
    response = reader.goto(site_server.url + path)

    expected = 404 if "no-such-page" in path else 200
    assert response.status == expected
    assert axe_violations(reader) == []
