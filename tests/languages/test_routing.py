import pytest
from django.conf import settings
from wagtail.models import Locale

from welcome.languages import registry

from ..factories import publish
from ..html import html_attrs, soup, text

pytestmark = pytest.mark.django_db


def test_somali_routes_although_django_does_not_know_it(client, translated_site):
    response = client.get("/so/")

    assert response.status_code == 200
    assert html_attrs(response) == ("so", "ltr")
    assert soup(response).h1.get_text() == translated_site["so"][0].title


@pytest.mark.parametrize(
    "path", ["/xx/", "/zz/cpr/", "/ti/", "/da/no-such-page/", "/ar/nope/nope/"]
)
def test_unknown_prefix_or_page_answers_404_not_500(client, translated_site, path):
    response = client.get(path)

    assert response.status_code == 404
    assert soup(response).h1 is not None


def test_404_page_is_in_the_readers_language(client, translated_site):
    response = client.get("/ar/no-such-page/")

    assert response.status_code == 404
    assert html_attrs(response) == ("ar", "rtl")
    from django.utils.translation import gettext, override

    with override("ar"):
        assert gettext("Page not found") in text(response)


def test_missing_translation_falls_back_to_english_with_a_notice(client, translated_site):
    so_topic = translated_site["so"][1]
    so_topic.unpublish()

    response = client.get("/so/cpr/")

    assert response.status_code == 200
    assert html_attrs(response) == ("so", "ltr")
    page = soup(response)
    assert page.h1.get_text() == translated_site["en"][1].title
    assert page.article["lang"] == "en"
    assert page.select_one(".notice") is not None
    canonical = page.select_one("link[rel=canonical]")["href"]
    assert canonical.endswith(translated_site["en"][1].url)


def test_fallback_goes_to_danish_when_english_is_missing_too(client, translated_site):
    translated_site["ar"][1].unpublish()
    translated_site["en"][1].unpublish()

    response = client.get("/ar/cpr/")

    page = soup(response)
    assert html_attrs(response) == ("ar", "rtl")
    assert page.article["lang"] == "da"
    assert page.article["dir"] == "ltr"
    assert page.h1.get_text() == "Adresse og CPR-nummer"
    assert "الدانمركية" in page.select_one(".notice").get_text()  # "Danish", in Arabic


def test_picker_target_redirects_to_the_translation_and_remembers_the_choice(
    client, translated_site
):
    da_topic = translated_site["da"][1]

    response = client.get(f"/pl/page/{da_topic.pk}/")

    assert response.status_code == 302
    assert response["Location"] == translated_site["pl"][1].url
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "pl"


def test_picker_target_serves_a_fallback_where_the_translation_is_missing(client, translated_site):
    translated_site["fa"][1].unpublish()

    response = client.get(f"/fa/page/{translated_site['da'][1].pk}/")

    assert response.status_code == 200
    assert soup(response).article["lang"] == "en"
    assert response.cookies[settings.LANGUAGE_COOKIE_NAME].value == "fa"


def test_an_unpublished_page_is_not_reachable_through_the_picker_target(client, translated_site):
    for _code, (_home, topic) in translated_site.items():
        topic.unpublish()

    assert client.get(f"/en/page/{translated_site['da'][1].pk}/").status_code == 404
    assert client.get("/en/page/999999/").status_code == 404


def test_a_danish_draft_is_not_shown_as_a_fallback(client, translated_site):
    da_topic = translated_site["da"][1]
    da_topic.title = "Kladde der ikke er udgivet"
    da_topic.save_revision()  # a draft, not published

    response = client.get(da_topic.url)

    assert "Kladde" not in text(response)


def test_activating_a_language_creates_its_home_page_and_routes_it(client, translated_site):
    from django.core.management import call_command

    call_command("activate_language", "ti")

    assert registry.is_active("ti")
    ti_home = translated_site["da"][0].get_translation(Locale.objects.get(language_code="ti"))
    assert not ti_home.live  # a draft until it is translated
    response = client.get("/ti/")
    assert response.status_code == 200
    assert html_attrs(response) == ("ti", "ltr")
    assert soup(response).article["lang"] == "en"  # falls back with a notice
    assert "ti" in [link["lang"] for link in soup(response).select(".language-picker a")]

    publish(ti_home)
    assert soup(client.get("/ti/")).article["lang"] == "ti"


def test_activating_an_unsupported_language_is_refused_clearly(db):
    from django.core.management import CommandError, call_command

    before = Locale.objects.count()
    with pytest.raises(CommandError, match="not a supported language"):
        call_command("activate_language", "xx")
    assert Locale.objects.count() == before


def test_activating_twice_changes_nothing(translated_site):
    from django.core.management import call_command

    call_command("activate_language", "ti")
    pages = translated_site["da"][0].get_translations().count()
    call_command("activate_language", "ti")
    assert translated_site["da"][0].get_translations().count() == pages
