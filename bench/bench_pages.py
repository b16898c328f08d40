"""Public page rendering, uncached, on the development database (SQLite by default).

Prints, per language, the median render time and SQL query count of the home page and a topic
page, and their ratio to a baseline measured in the same run: the search page without a query
(middleware, language negotiation, base template; no page lookup).
Requests go through Django's WSGI handler as a server's would, and the pages take turns (one
request each, round after round), so that a slower spell of this shared machine falls on all of
them alike instead of on whichever page was being measured.
Targets (issue 2): topic page ≤ 10 queries and ≤ 10 ms median; query count independent of the
number of active languages.
"""

import statistics
import time

from common import WsgiClient, query_count, row

from welcome.languages import registry
from welcome.pages.models import HomePage, TopicPage

TOPIC_SLUG = "adresse-og-cpr-nummer"
ROUNDS = 200
WARMUP = 10


def pages():
    """``[(label, url)]``: the baseline, then home and topic in each active language."""
    found = [("baseline /da/search/", "/da/search/")]
    for code in registry.active_codes():
        home = HomePage.objects.live().get(locale__language_code=code)
        topic = TopicPage.objects.live().get(locale__language_code=code, slug=TOPIC_SLUG)
        found += [(f"home /{code}/", home.url), (f"topic /{code}/…", topic.url)]
    return found


def medians_ms(client, urls):
    """``{url: median ms}``, the URLs requested in turn, ``ROUNDS`` times each."""
    samples = {url: [] for url in urls}
    for _ in range(WARMUP):  # warms Wagtail's site-root cache and the templates, as on a server
        for url in urls:
            client.get(url)
    for _ in range(ROUNDS):
        for url in urls:
            started = time.perf_counter()
            client.get(url)
            samples[url].append((time.perf_counter() - started) * 1000)
    return {url: statistics.median(times) for url, times in samples.items()}


def main():
    client = WsgiClient()
    measured = pages()
    medians = medians_ms(client, [url for _label, url in measured])
    baseline = medians[measured[0][1]]
    print(f"Baseline (search page, no query): {baseline:.2f} ms median")
    row("page", "median ms", "× baseline", "queries")
    worst_topic = (0, 0)
    for label, url in measured[1:]:
        ms = medians[url]
        queries = query_count(lambda url=url: client.get(url))
        row(label, f"{ms:.2f}", f"{ms / baseline:.2f}", queries)
        if label.startswith("topic"):
            worst_topic = max(worst_topic, (ms, queries))
    print(
        f"Worst topic page: {worst_topic[0]:.2f} ms, {worst_topic[1]} queries "
        f"(targets ≤ 10 ms, ≤ 10 queries) with {len(registry.active_codes())} active languages"
    )


if __name__ == "__main__":
    main()
