"""Public page rendering, uncached, on the development database (SQLite by default).

Prints, per language, the median render time and SQL query count of the home page and a topic
page, and their ratio to a baseline measured in the same run: the search page without a query
(middleware, language negotiation, base template; no page lookup).
Targets (issue 2): topic page ≤ 10 queries and ≤ 10 ms median; query count independent of the
number of active languages.
"""

from common import median_ms, query_count, row
from django.test import Client

from welcome.languages import registry
from welcome.pages.models import HomePage, TopicPage

TOPIC_SLUG = "adresse-og-cpr-nummer"


def main():
    client = Client()

    def get(url):
        return lambda: client.get(url)

    baseline = median_ms(get("/da/search/"))
    print(f"Baseline (search page, no query): {baseline:.2f} ms median")
    row("page", "median ms", "× baseline", "queries")
    worst_topic = (0, 0)
    for code in registry.active_codes():
        home = HomePage.objects.live().get(locale__language_code=code)
        topic = TopicPage.objects.live().get(locale__language_code=code, slug=TOPIC_SLUG)
        for label, url in ((f"home /{code}/", home.url), (f"topic /{code}/…", topic.url)):
            client.get(url)  # warm Wagtail's site-root cache, as on a running server
            ms = median_ms(get(url))
            queries = query_count(get(url))
            row(label, f"{ms:.2f}", f"{ms / baseline:.2f}", queries)
            if label.startswith("topic"):
                worst_topic = max(worst_topic, (ms, queries))
    print(
        f"Worst topic page: {worst_topic[0]:.2f} ms, {worst_topic[1]} queries "
        f"(targets ≤ 10 ms, ≤ 10 queries) with {len(registry.active_codes())} active languages"
    )


if __name__ == "__main__":
    main()
