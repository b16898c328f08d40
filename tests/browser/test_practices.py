"""The good-practice library in a real browser: filter by two facets, open a practice, and no
WCAG 2.1 A/AA violations on the list or the practice (in Danish and, right to left, Arabic)."""

import pytest

from ..html import interface
from .conftest import axe_violations


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe_violations injects axe-core as an inline script, which the site's Content-Security-
    # Policy (no inline script without the request's nonce) blocks; let the test browser bypass it.
    return {**browser_context_args, "bypass_csp": True}


def choose(page, facet, value):
    """Open a facet's group and tick one option, as a reader would."""
    group = page.locator("details.facet", has=page.locator(f"#f-{facet}-{value}"))
    if group.get_attribute("open") is None:
        group.locator("summary").click()
    page.locator(f'label[for="f-{facet}-{value}"]').click()


@pytest.mark.parametrize("code", ["da", "ar"])
def test_filter_the_library_by_two_facets_and_open_a_practice(page, site_server, code):
    page.goto(f"{site_server.url}/{code}/practices/")
    assert axe_violations(page) == []
    everything = page.locator(".practice-card").count()

    choose(page, "channel", "leaflet")
    choose(page, "language", "so")
    page.get_by_role("button", name=interface("Show practices", code)).click()

    page.wait_for_url("**channel=leaflet**")
    assert "language=so" in page.url
    cards = page.locator(".practice-card")
    assert 0 < cards.count() < everything
    assert page.locator("#f-channel-leaflet").is_checked()
    assert page.locator("#f-language-so").is_checked()
    assert axe_violations(page) == []

    title = cards.first.locator("h3 a").inner_text()
    cards.first.locator("h3 a").click()

    page.wait_for_load_state()
    assert page.locator("main h1").inner_text() == title
    assert page.get_attribute("html", "lang") == code
    assert axe_violations(page) == []


def test_the_library_reads_right_to_left_in_arabic(page, site_server):
    page.goto(f"{site_server.url}/ar/practices/")

    assert page.evaluate("getComputedStyle(document.querySelector('.library')).direction") == "rtl"
    filters = page.locator(".library__filters").bounding_box()
    results = page.locator(".library__results").bounding_box()
    assert filters["x"] > results["x"]  # the filters stand on the right, where reading starts
