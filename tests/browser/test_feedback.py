"""Reader feedback in a real browser: an Arabic reader sends feedback with the keyboard alone
(no mouse), it reaches the officers' inbox, and the form has no WCAG 2.1 A/AA violations."""

import pytest

from .conftest import axe_violations

TOPIC_PATH = "adresse-og-cpr-nummer/"
COMMENT = "رقم الهاتف غير واضح"


@pytest.fixture(scope="session")
def browser_context_args(browser_context_args):
    # axe_violations evaluates axe-core, which the site's Content-Security-Policy would block.
    return {**browser_context_args, "bypass_csp": True}


def focused(page):
    return page.evaluate(
        "() => { const e = document.activeElement; const inside = !!e.closest('.feedback');"
        " return [e.tagName, e.name || '', e.value || '', e.id || '', inside, e.type || '']"
        ".join('|'); }"
    )


def tab_to(page, predicate, limit=120):
    """Press Tab until the focused element satisfies ``predicate``, which reads
    ``tag|name|value|id|inside the feedback section|type``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if predicate(focused(page)):
            return
    raise AssertionError(f"never reached the element; last focus: {focused(page)}")


def test_an_arabic_reader_sends_feedback_with_the_keyboard_alone(page, site_server):
    page.goto(f"{site_server.url}/ar/{TOPIC_PATH}")
    assert page.get_attribute("html", "dir") == "rtl"

    # "Was this page helpful?": reach the radio group, choose "No" with the arrow keys.
    tab_to(page, lambda f: f.startswith("INPUT|kind|"))
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")
    assert page.locator("input[name=kind][value=not_helpful]").is_checked()
    # The comment field, then the send button (the honeypot is skipped: tabindex -1).
    tab_to(page, lambda f: f.split("|")[3] == "feedback-comment")
    page.keyboard.type(COMMENT)
    tab_to(page, lambda f: f.startswith("BUTTON|") and f.endswith("|true|submit"))
    page.keyboard.press("Enter")

    page.wait_for_url(f"{site_server.url}/ar/feedback/")
    assert page.get_attribute("html", "lang") == "ar"
    assert page.locator("main h1").count() == 1
    assert page.locator(".feedback").count() == 0  # a thank-you page, not the form again

    # It is in the officers' inbox, in the reader's language.
    page.goto(f"{site_server.url}/admin/login/")
    page.fill("input[name=username]", "browser-admin")
    page.fill("input[name=password]", "browser-admin-password")
    page.click("button[type=submit]")
    page.wait_for_url(f"{site_server.url}/admin/**")
    page.goto(f"{site_server.url}/admin/feedback/?language=ar")
    row = page.locator("table.listing tbody tr", has_text=COMMENT)
    assert row.count() == 1
    assert "ar" in row.inner_text()


def test_a_translation_problem_is_reported_from_the_keyboard(page, site_server):
    page.goto(f"{site_server.url}/ar/{TOPIC_PATH}")

    tab_to(page, lambda f: f.startswith("SUMMARY|") and "|true|" in f)
    page.keyboard.press("Enter")  # opens "Report a problem with the translation"
    tab_to(page, lambda f: f.startswith("INPUT|kind|translation_"))
    page.keyboard.press("Space")
    assert page.locator("input[name=kind][value=translation_wrong]").is_checked()
    tab_to(page, lambda f: f.split("|")[3] == "problem-comment")
    page.keyboard.type("الترجمة خاطئة")
    tab_to(page, lambda f: f.startswith("BUTTON|") and f.endswith("|true|submit"))
    page.keyboard.press("Enter")

    page.wait_for_url(f"{site_server.url}/ar/feedback/")
    assert page.locator(".feedback").count() == 0


@pytest.mark.parametrize("code", ["da", "ar"])
def test_the_feedback_form_has_no_accessibility_violations(page, site_server, code):
    page.goto(f"{site_server.url}/{code}/{TOPIC_PATH}")
    page.locator(".feedback__problem summary").click()
    assert axe_violations(page) == []


def test_the_officers_overview_has_no_accessibility_violations(admin_page, site_server):
    from .conftest import AXE_SOURCE, WCAG_TAGS

    admin_page.goto(f"{site_server.url}/admin/")
    panel = admin_page.locator("#officers-overview-section")
    assert panel.locator("svg[role=img] title").first.text_content()
    assert panel.locator("table").count() >= 2  # the charts' figures as tables
    admin_page.evaluate(AXE_SOURCE)
    violations = admin_page.evaluate(
        "async (tags) => (await axe.run('#officers-overview-section',"
        " {runOnly: {type: 'tag', values: tags}})).violations.map(v => v.id)",
        WCAG_TAGS,
    )
    assert violations == []
