"""Leaflets on the web, in print and as PDF, in Danish, Arabic and Urdu."""

import json
import sys

import pytest
from babel.dates import format_date
from django.core.cache import cache
from django.utils import timezone

from welcome.languages import registry
from welcome.leaflets.models import LeafletPage

from ..html import html_attrs, interface, soup, text
from ..qr import decode
from . import pdf

pytestmark = pytest.mark.django_db

CONTENT = "welcome/leaflets/content/{code}.json"


def content(code):
    with open(CONTENT.format(code=code), encoding="utf-8") as file:
        return json.load(file)["leaflets"][0]


@pytest.mark.parametrize("code", ["da", "ar", "ur"])
def test_web_view_renders_the_leaflet_in_its_language(client, leaflets, code):
    page = leaflets[code]

    response = client.get(page.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert html_attrs(response) == (code, registry.get(code).direction)
    article = soup(response).article
    assert (article["lang"], article["dir"]) == (code, registry.get(code).direction)
    assert article.h1.get_text() == content(code)["title"]
    links = {a.get_text(strip=True): a["href"] for a in article.select(".action-links a")}
    assert links[interface("Print version", code)] == f"{page.url}print/"
    assert links[interface("Download as PDF", code)] == f"{page.url}pdf/"


@pytest.mark.parametrize("code", ["da", "ar", "ur"])
def test_print_view_has_no_site_chrome_and_a_qr_code_to_the_web_version(client, leaflets, code):
    page = leaflets[code]

    response = client.get(f"{page.url}print/")

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert html_attrs(response) == (code, registry.get(code).direction)
    html = soup(response)
    assert html.select(".site-header, .language-picker, .site-footer, .search-form") == []
    assert html.h1.get_text() == content(code)["title"]
    assert decode(html.select_one(".leaflet-qr svg")) == f"http://testserver{page.url}"
    assert "paper-a4" in html.body["class"]


def test_print_view_needs_no_inline_style_or_script(client, leaflets):
    """The public site's Content-Security-Policy allows neither."""
    response = client.get(f"{leaflets['ar'].url}print/?bilingual=beside")

    html = soup(response)
    assert html.select("style, script:not([src]), [style], [onclick]") == []
    assert "style-src 'self'" in response["Content-Security-Policy"]
    assert html.select_one("button[data-print]") is not None


def test_print_footer_shows_edition_and_translation_date_in_the_leaflets_language(client, leaflets):
    page = LeafletPage.objects.get(pk=leaflets["ar"].pk)

    footer = soup(client.get(f"{page.url}print/")).select_one(".print-footer p")

    assert footer["lang"] == "ar"
    assert "2025-1" in footer.get_text()
    published = timezone.localtime(page.last_published_at).date()
    assert format_date(published, format="long", locale="ar") in footer.get_text()


def test_a5_print_sets_the_page_size(client, leaflets):
    response = client.get(f"{leaflets['da'].url}print/?size=a5")

    assert "paper-a5" in soup(response).body["class"]
    assert soup(response).select_one("#print-size option[selected]")["value"] == "a5"


def test_unknown_print_options_fall_back_to_the_defaults(client, leaflets):
    response = client.get(f"{leaflets['da'].url}print/?size=a0&bilingual=<script>")

    assert response.status_code == 200
    assert "paper-a4" in soup(response).body["class"]
    assert "<script>" not in response.content.decode()


def test_bilingual_print_puts_danish_beside_the_language_block_by_block(client, leaflets):
    response = client.get(f"{leaflets['ar'].url}print/?bilingual=beside")

    pairs = soup(response).select(".pair")
    assert len(pairs) == len(content("ar")["sections"])
    first_target, first_source = pairs[0].select(".pair__target h2, .pair__source h2")
    assert first_target.get_text() == content("ar")["sections"][0]["value"]["heading"]
    assert first_source.get_text() == content("da")["sections"][0]["value"]["heading"]
    danish = pairs[3].select_one(".pair__source")
    assert (danish["lang"], danish["dir"]) == ("da", "ltr")
    # Day names in the Danish column are Danish, in the Arabic column Arabic.
    assert "الاثنين" in pairs[3].select_one(".pair__target").get_text()
    assert "man.–ons." in danish.get_text()


def test_bilingual_print_on_facing_pages_gives_a_spread_per_section(client, leaflets):
    response = client.get(f"{leaflets['ur'].url}print/?bilingual=facing")

    spreads = soup(response).select(".spread")
    sections = [s for s in content("ur")["sections"] if s["type"] == "section"]
    assert len(spreads) == len(sections)
    assert spreads[0].select_one(".spread__source")["lang"] == "da"
    assert sections[0]["value"]["heading"] in spreads[0].select_one(".spread__target").get_text()


def test_the_danish_leaflet_offers_no_bilingual_print(client, leaflets):
    response = client.get(f"{leaflets['da'].url}print/?bilingual=beside")

    html = soup(response)
    assert html.select(".pair") == []
    assert html.select("#print-bilingual") == []


@pytest.mark.parametrize("code", ["da", "ar", "ur"])
def test_pdf_has_the_leaflets_text_and_embedded_fonts(client, leaflets, code):
    response = client.get(f"{leaflets[code].url}pdf/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response.content.startswith(b"%PDF-")
    fonts = pdf.embedded_fonts(response)
    assert fonts and all(fonts.values()), fonts
    if code != "ur":  # Nastaliq glyph runs do not extract back to letters one by one
        extracted = pdf.text(response)
        assert pdf.has_words(extracted, content(code)["title"])
        assert content(code)["sections"][0]["value"]["heading"] in extracted


def test_arabic_pdf_is_set_in_naskh_and_its_arabic_text_extracts(client, leaflets):
    response = client.get(f"{leaflets['ar'].url}pdf/")

    fonts = pdf.font_families(response)
    assert any(name.startswith("NotoNaskhArabic") for name in fonts), fonts
    extracted = pdf.text(response)
    for step in content("ar")["sections"][1]["value"]["steps"]:
        assert pdf.has_words(extracted, step["title"]), step["title"]
    assert "سجّل عنوانك" in extracted


def test_urdu_pdf_is_set_in_nastaliq(client, leaflets):
    response = client.get(f"{leaflets['ur'].url}pdf/")

    fonts = pdf.font_families(response)
    assert fonts["NotoNastaliqUrdu"] and fonts["NotoNastaliqUrduBold"], fonts


def test_a5_bilingual_pdf_has_a5_pages_with_both_languages(client, leaflets):
    response = client.get(f"{leaflets['ar'].url}pdf/?size=a5&bilingual=beside")

    first_page = pdf.reader(response).pages[0]
    width, height = float(first_page.mediabox.width), float(first_page.mediabox.height)
    assert (round(width), round(height)) == (420, 595)  # 148 × 210 mm in points
    extracted = pdf.text(response)
    assert pdf.has_words(extracted, content("ar")["title"])
    assert pdf.has_words(extracted, content("da")["title"])


def test_pdf_is_rendered_once_per_published_revision(client, leaflets, monkeypatch):
    from welcome.leaflets import pdf as engine

    cache.clear()
    calls = []
    render = engine.render_pdf
    monkeypatch.setattr(engine, "render_pdf", lambda *a, **k: calls.append(1) or render(*a, **k))
    url = f"{leaflets['da'].url}pdf/"

    first = client.get(url).content
    second = client.get(url).content
    leaflets["da"].save_revision().publish()
    client.get(url)

    assert first == second
    assert len(calls) == 2


def test_without_the_pdf_engine_the_pdf_link_explains_and_print_still_works(
    client, leaflets, monkeypatch
):
    monkeypatch.setitem(sys.modules, "weasyprint", None)  # "import weasyprint" now fails
    page = leaflets["ar"]

    pdf_response = client.get(f"{page.url}pdf/?size=a5")
    web = client.get(page.url)
    printed = client.get(f"{page.url}print/")

    assert pdf_response.status_code == 503
    assert html_attrs(pdf_response) == ("ar", "rtl")
    assert "libpango-1.0-0 libpangoft2-1.0-0" in text(pdf_response)
    assert soup(pdf_response).select_one("main a.button")["href"] == f"{page.url}print/?size=a5"
    unavailable = interface(
        "PDF files cannot be made on this server at the moment: the link explains why. "
        "The print version works.",
        "ar",
    )
    assert unavailable in text(web)
    assert printed.status_code == 200


def test_leaflet_list_shows_the_leaflets_in_the_readers_language(client, leaflets):
    index = leaflets["ur"].get_parent()

    response = client.get(index.url)

    titles = [a.get_text() for a in soup(response).select(".card__title a")]
    assert titles[0] == content("ur")["title"]
    assert len(titles) == 1


def test_print_view_query_count_stays_small(client, leaflets, django_assert_max_num_queries):
    url = f"{leaflets['ar'].url}print/?bilingual=beside"
    client.get(url)
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


def test_an_unknown_leaflet_route_is_not_found(client, leaflets):
    assert client.get(f"{leaflets['da'].url}nope/").status_code == 404
