"""Leaflet print views and PDFs, and sign print views, uncached, on the development database.

Prints median times and their ratio to a baseline measured in the same run (the leaflet's web
page). Targets (issue 3): a 4-page leaflet PDF ≤ 2 s; a sign's print view ≤ 100 ms.
The PDF is measured as a reader gets it on a cache miss: the whole request, rendering the print
view's HTML and laying it out with WeasyPrint (fonts subset and embedded).
"""

import io

from common import median_ms, query_count, row
from django.test import Client
from pypdf import PdfReader

from welcome.leaflets import pdf as engine
from welcome.leaflets import views as leaflet_views
from welcome.leaflets.models import LeafletPage
from welcome.signs.models import Sign

LEAFLET_SLUG = "velkommen-til-koebenhavn"
SIGN_CODES = ("borgerservice", "bibliotek", "jobcenter")


def pages_in(content):
    return len(PdfReader(io.BytesIO(content)).pages)


def main():
    client = Client()

    def get(url):
        return lambda: client.get(url)

    leaflets = {
        page.locale.language_code: page
        for page in LeafletPage.objects.live().filter(slug=LEAFLET_SLUG).select_related("locale")
    }
    baseline_url = leaflets["da"].url
    client.get(baseline_url)
    baseline = median_ms(get(baseline_url))
    print(f"Baseline (Danish leaflet web page): {baseline:.2f} ms median")

    print("Leaflet print views")
    row("view", "median ms", "× baseline", "queries")
    for code, query in (("da", ""), ("ar", ""), ("ur", ""), ("ar", "?bilingual=beside")):
        url = f"{leaflets[code].url}print/{query}"
        ms = median_ms(get(url))
        row(f"print /{code}/ {query}", f"{ms:.1f}", f"{ms / baseline:.1f}", query_count(get(url)))

    if not engine.is_available():
        print("WeasyPrint's system libraries are missing: no PDF figures.")
    else:
        print("Leaflet PDFs, uncached (the PDF cache is off for these runs)")
        row("pdf", "median ms", "× baseline", "pages")
        leaflet_views.PDF_CACHE_SECONDS = 0  # a timeout of 0 stores nothing
        worst_four_pages = 0
        for code, query in (
            ("da", ""),
            ("ar", ""),
            ("ur", ""),
            ("ar", "?size=a5&bilingual=beside"),
            ("ur", "?size=a5&bilingual=beside"),
        ):
            url = f"{leaflets[code].url}pdf/{query}"
            pages = pages_in(client.get(url).content)
            ms = median_ms(get(url), runs=9, warmup=2)
            row(f"pdf /{code}/ {query}", f"{ms:.0f}", f"{ms / baseline:.0f}", pages)
            if pages == 4:
                worst_four_pages = max(worst_four_pages, ms)
        print(f"Slowest 4-page leaflet PDF: {worst_four_pages:.0f} ms median (target ≤ 2000 ms)")
        leaflet_views.PDF_CACHE_SECONDS = 24 * 60 * 60
        url = f"{leaflets['ar'].url}pdf/?size=a5&bilingual=beside"
        client.get(url)
        row("pdf, cached (same URL again)", f"{median_ms(get(url)):.1f}", "", "")

    print("Sign print views")
    row("view", "median ms", "× baseline", "languages")
    worst_sign = 0
    for code in SIGN_CODES:
        sign = Sign.objects.canonical(code)
        url = f"/signs/{code}/print/"
        ms = median_ms(get(url))
        row(url, f"{ms:.1f}", f"{ms / baseline:.1f}", len(sign.language_codes()))
        worst_sign = max(worst_sign, ms)
    print(f"Slowest sign print view: {worst_sign:.1f} ms median (target ≤ 100 ms)")


if __name__ == "__main__":
    main()
