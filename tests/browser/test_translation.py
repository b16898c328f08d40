"""The translation workflow in a real browser: an Arabic translator translates two segments in
right-to-left inputs and submits them; an Arabic reviewer approves and publishes; the public
Arabic page shows the new text (and no longer the notice that parts were updated in Danish).

Uses the demo's staged state: the Arabic CPR page has two outdated segments and an urgent request.
"""

import re

import pytest

from .conftest import axe_violations, login

TOPIC = "adresse-og-cpr-nummer"
USERS = {
    "translator": ("browser-translator-ar", "browser-translator-password", "Translators – Arabic"),
    "reviewer": ("browser-reviewer-ar", "browser-reviewer-password", "Reviewers – Arabic"),
}
NEW_TEXTS = ["نص عربي جديد للمقطع الأول", "نص عربي جديد للمقطع الثاني"]


def keeping_markup(current, text):
    """``text`` in place of every text run of ``current``: a rich-text segment keeps its inline
    tags (the editor refuses a translation whose tags differ from the source's)."""
    if not current.startswith("<"):
        return text
    return re.sub(r"(?<=>)[^<]+(?=<)", text, current)


@pytest.fixture(scope="module")
def role_users(site_server):
    for username, password, group in USERS.values():
        site_server.shell(
            "from django.contrib.auth import get_user_model\n"
            "from django.contrib.auth.models import Group\n"
            f"user = get_user_model().objects.create_user({username!r}, "
            f"{username + '@example.invalid'!r}, {password!r})\n"
            f"user.groups.add(Group.objects.get(name={group!r}))\n"
        )
    return USERS


def test_translate_review_and_publish_arabic(page, browser, site_server, role_users):
    username, password, _group = role_users["translator"]
    login(page, site_server, username, password)
    page.goto(f"{site_server.url}/admin/translation/")
    page.click("#translation-queue a:has-text('Adresse og CPR-nummer')")
    page.wait_for_selector(".translation-segments")

    outdated = page.locator("tr.segment--outdated textarea")
    assert outdated.count() == 2
    assert page.locator("tr.segment--critical").count() == 1
    assert page.locator(".segment__diff del").count() >= 1
    for index, text in enumerate(NEW_TEXTS):
        field = outdated.nth(index)
        assert field.get_attribute("dir") == "rtl"
        assert field.get_attribute("lang") == "ar"
        assert field.evaluate("el => getComputedStyle(el).direction") == "rtl"
        field.fill(keeping_markup(field.input_value(), text))
    # Tab moves from one segment's input to the next one's.
    first_id = outdated.nth(0).get_attribute("id")
    page.focus(f"#{first_id}")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.tagName + ':' + document.activeElement.id")
    assert focused.startswith("TEXTAREA:") and focused != f"TEXTAREA:{first_id}"
    page.click("button[value=submit]")
    page.wait_for_selector(".messages .success, .messages")
    assert page.locator("tr.segment--review").count() == 2

    reviewer_page = browser.new_page()
    try:
        username, password, _group = role_users["reviewer"]
        login(reviewer_page, site_server, username, password)
        reviewer_page.goto(page.url)
        reviewer_page.click("button[value=approve_all]")
        reviewer_page.wait_for_selector("button[value=apply]")
        assert reviewer_page.locator("tr.segment--review").count() == 0
        reviewer_page.click("button[value=apply]")
        reviewer_page.wait_for_selector(".messages")

        reviewer_page.context.clear_cookies()
        reviewer_page.goto(f"{site_server.url}/ar/{TOPIC}/")
        body = reviewer_page.inner_text("main")
        for text in NEW_TEXTS:
            assert text in body
        assert reviewer_page.locator(".notice--outdated").count() == 0
    finally:
        reviewer_page.close()


def test_the_editor_has_no_accessibility_violations_in_the_form(page, site_server, role_users):
    username, password, _group = role_users["translator"]
    login(page, site_server, username, password)
    page.goto(f"{site_server.url}/admin/translation/")
    page.click("#translation-queue a >> nth=0")
    page.wait_for_selector(".translation-segments")

    violations = [
        v for v in axe_violations(page) if ".translation-" in str(v[2]) or "segment" in str(v[2])
    ]

    assert violations == []
