"""WCAG 2.1 A/AA (axe-core) on every public page type in Danish, Arabic, Urdu and Somali: zero
violations. One browser page and the session's demo server serve the whole module.

A new page type is one line in PAGES: ``(id, path)`` where ``{code}`` is the reader's language
(paths without it are language-independent and checked once). The feedback confirmation is reached
by sending feedback from the topic page.

The translation editor is an admin page: axe runs on its own content (``#main``, below Wagtail's
header), as an Arabic translator sees it. Wagtail's own chrome around it (sidebar, skip link,
header) is Wagtail's to fix and is not part of this check (when this test was written, axe found
no violation on the whole page either). The demo's Arabic topic has outdated, critical units, so
the check covers the source/target table, the diff of the changed Danish and the warnings.
"""

import json

import pytest

from .conftest import axe_violations, login

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
    # The feedback confirmation answers a POST (it has no address of its own): see
    # test_the_feedback_confirmation_has_no_violations.
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


@pytest.mark.parametrize("code", LANGUAGES)
def test_the_feedback_confirmation_has_no_violations(reader, site_server, code):
    reader.goto(f"{site_server.url}/{code}/adresse-og-cpr-nummer/")
    reader.locator("input[name=kind][value=helpful]").check()
    with reader.expect_navigation() as navigation:
        reader.locator(".feedback form").first.locator("button[type=submit]").click()

    assert navigation.value.status == 200
    assert reader.url == f"{site_server.url}/{code}/feedback/"
    assert reader.locator(".feedback").count() == 0  # the thank-you page, not the form again
    assert axe_violations(reader) == []


# Not the translator of test_translation.py: both modules share the session's site server.
TRANSLATOR = ("browser-a11y-translator-ar", "browser-translator-password")


@pytest.fixture(scope="module")
def arabic_editor_path(site_server):
    """The translation editor's address for the topic page in Arabic, and an Arabic translator."""
    username, password = TRANSLATOR
    printed = site_server.shell(
        "import json\n"
        "from django.contrib.auth import get_user_model\n"
        "from django.contrib.auth.models import Group\n"
        "from django.urls import reverse\n"
        "from wagtail.models import Page\n"
        "from welcome.languages import registry as languages\n"
        "from welcome.translation import registry, roles\n"
        f"user = get_user_model().objects.create_user({username!r}, password={password!r})\n"
        "user.groups.add(Group.objects.get(name=roles.translators_group_name("
        "languages.get('ar'))))\n"
        "topic = Page.objects.get(url_path__endswith='/adresse-og-cpr-nummer/',"
        " locale__language_code='da')\n"
        "print(json.dumps(reverse('translation:editor', args=["
        "registry.content_type_of(topic).pk, topic.translation_key, 'ar'])))\n"
    )
    return json.loads(printed.strip().splitlines()[-1])


def test_the_translation_editor_has_no_violations(page, site_server, arabic_editor_path):
    login(page, site_server, *TRANSLATOR)
    response = page.goto(site_server.url + arabic_editor_path)

    assert response.status == 200
    assert page.locator("#main textarea[dir=rtl]").count() > 0  # the Arabic targets
    assert page.locator("#main .segment__diff del, #main .segment__diff ins").count() > 0
    assert axe_violations(page, within="#main") == []
