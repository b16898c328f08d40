"""Keyboard only: the language picker and the film's subtitle choice are reached with Tab and
used with Enter; no pointer, no scripted focus."""

TOPIC_PATH = "adresse-og-cpr-nummer/"
FILM = "film/velkommen-til-koebenhavn/"


def tab_to(page, selector, limit=80):
    """Press Tab until the focused element matches ``selector``."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("(s) => document.activeElement.matches(s)", selector):
            return
    raise AssertionError(f"{selector} is not reachable with Tab")


def test_the_language_picker_is_used_with_tab_and_enter(page, site_server):
    page.goto(f"{site_server.url}/da/{TOPIC_PATH}")

    tab_to(page, ".language-picker summary")
    page.keyboard.press("Enter")
    tab_to(page, ".language-picker a[lang=so]")
    page.keyboard.press("Enter")

    page.wait_for_url(f"{site_server.url}/so/{TOPIC_PATH}")
    assert page.get_attribute("html", "lang") == "so"


def test_the_subtitle_language_is_chosen_with_tab_and_enter(page, site_server):
    page.goto(f"{site_server.url}/ar/{FILM}")
    assert page.evaluate("document.querySelector('track[default]').srclang") == "ar"

    tab_to(page, '.subtitle-list a[lang="ur"]')
    page.keyboard.press("Enter")

    page.wait_for_url("**transcript=ur**")
    assert page.evaluate("document.querySelector('track[default]').srclang") == "ur"
    assert page.get_attribute("#transcript", "lang") == "ur"
    assert page.get_attribute('.subtitle-list a[lang="ur"]', "aria-current") == "true"
    # The chosen track is the one the player shows.
    showing = page.evaluate(
        """async () => {
            const video = document.querySelector('video');
            for (let i = 0; i < 100; i++) {
                const shown = Array.from(video.textTracks).find(t => t.mode === 'showing');
                if (shown) return shown.language;
                await new Promise(resolve => setTimeout(resolve, 50));
            }
            return null;
        }"""
    )
    assert showing == "ur"
