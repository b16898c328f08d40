import pytest

from .conftest import axe_violations

TOPIC_PATH = "adresse-og-cpr-nummer/"


def test_arabic_reads_right_to_left(page, site_server):
    page.goto(f"{site_server.url}/ar/")

    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.evaluate("getComputedStyle(document.querySelector('main h1')).direction") == "rtl"


def test_picker_switches_to_the_same_page_in_urdu(page, site_server):
    page.goto(f"{site_server.url}/ar/{TOPIC_PATH}")

    page.click(".language-picker summary")
    page.click(".language-picker a[lang=ur]")

    page.wait_for_url(f"{site_server.url}/ur/{TOPIC_PATH}")
    assert page.get_attribute("html", "lang") == "ur"
    assert page.evaluate("getComputedStyle(document.documentElement).direction") == "rtl"
    assert page.locator(".notice").count() == 0
    # The choice is remembered: the bare address now leads to Urdu.
    page.goto(f"{site_server.url}/")
    assert page.url == f"{site_server.url}/ur/"


def test_picker_works_with_the_keyboard_alone(page, site_server):
    page.goto(f"{site_server.url}/da/{TOPIC_PATH}")

    page.keyboard.press("Tab")  # skip link
    page.keyboard.press("Tab")  # brand
    page.keyboard.press("Tab")  # picker
    page.keyboard.press("Enter")
    page.locator(".language-picker a[lang=ar]").focus()
    page.keyboard.press("Enter")

    page.wait_for_url(f"{site_server.url}/ar/{TOPIC_PATH}")


@pytest.mark.parametrize("code", ["da", "ar", "ur"])
@pytest.mark.parametrize("path", ["", TOPIC_PATH], ids=["home", "topic"])
def test_public_pages_have_no_accessibility_violations(page, site_server, code, path):
    page.goto(f"{site_server.url}/{code}/{path}")

    assert axe_violations(page) == []
