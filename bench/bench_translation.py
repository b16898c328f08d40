"""Translation engine: the side-by-side editor and the coverage overview.

Runs in a throw-away test database (never the development data): SQLite by default, PostgreSQL
when DATABASE_URL is set (a ``test_…`` database, dropped at the end).

Prints median time and SQL query count of
- the editor (GET, signed in) for an object with 10 segments (baseline) and with 300 segments;
- the overview (GET, first page of 100 rows, every cell computed) for 200 pages (baseline) and
  2,000 pages × 9 languages (8 target columns, units in every state).
Targets (issue 4): editor with 300 segments ≤ 300 ms median, queries independent of the number of
segments; overview for 2,000 pages ≤ 1 s with a constant number of queries.
Wall time depends on what else the machine runs; the processor time of this process is printed
next to it, with the load average.
"""

import os
import random
import time
import uuid

os.environ["DJANGO_SETTINGS_MODULE"] = "welcome.settings.dev"
os.environ["DEBUG"] = "false"

from common import cpu_median_ms, danish_home, in_scratch_database, median_ms, query_count, row
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.urls import reverse
from django.utils import timezone
from wagtail.models import Locale, Page

RUNS = 20
STATES = ["approved"] * 6 + ["draft", "review", "outdated", "untranslated"]


def build_site():
    from django.contrib.auth import get_user_model

    home = danish_home()
    admin = get_user_model().objects.create_superuser("bench", "b@example.invalid", "x" * 12)
    return home, admin


def topic_with_segments(home, count):
    """A published Danish topic page whose translatable text makes ``count`` segments."""
    from welcome.pages.models import TopicPage
    from welcome.translation import services

    blocks = []
    for n in range(count - 2):  # title and intro are segments too
        if n % 2:
            blocks.append({"type": "heading", "value": f"Overskrift {n}"})
        else:
            blocks.append(
                {
                    "type": "paragraph",
                    "value": f'<p>Afsnit {n} med <a href="https://www.kk.dk/{n}">et link</a>.</p>',
                }
            )
    page = home.add_child(
        instance=TopicPage(
            title=f"Side med {count}", slug=f"side-{count}", intro="Indledning.", body=blocks
        )
    )
    page.save_revision().publish()
    services.request_translation(page, ["ar"], requested_by=None)
    return page


def _path(parent, position):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    number, step = position, ""
    while number:
        number, remainder = divmod(number, 36)
        step = digits[remainder] + step
    return parent.path + step.rjust(4, "0")


@transaction.atomic
def add_topics(home, start, count, rng, locales):
    """Danish topic pages ``start+1 … start+count`` in bulk, with 3 units in each language."""
    from welcome.pages.models import TopicPage
    from welcome.translation.models import Unit, text_hash

    content_type = ContentType.objects.get_for_model(TopicPage)
    now = timezone.now()
    pages = []
    for n in range(start + 1, start + count + 1):
        slug = f"emne-{n}"
        pages.append(
            Page(
                title=f"Emne {n}",
                draft_title=f"Emne {n}",
                slug=slug,
                path=_path(home, n + 10),
                depth=home.depth + 1,
                numchild=0,
                url_path=f"{home.url_path}{slug}/",
                content_type=content_type,
                locale_id=home.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=now,
                last_published_at=now,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    by_path = dict(Page.objects.filter(path__in=[p.path for p in pages]).values_list("path", "pk"))
    topics = [
        TopicPage(page_ptr_id=by_path[p.path], intro=f"Om {p.title}.", icon="info", body="[]")
        for p in pages
    ]
    TopicPage.objects._insert(
        topics, fields=TopicPage._meta.local_concrete_fields, using=connection.alias
    )
    units = []
    for page in pages:
        for locale in locales:
            if rng.random() < 0.1:
                continue  # missing in this language
            for key, text in (("title", page.title), ("intro", f"Om {page.title}."), ("seo", "x")):
                state = rng.choice(STATES)
                units.append(
                    Unit(
                        content_type=content_type,
                        translation_key=page.translation_key,
                        locale=locale,
                        key=key,
                        source_text=text,
                        source_hash=text_hash(text),
                        target_text="" if state == "untranslated" else text + " [t]",
                        state=state,
                        critical=state == "outdated" and rng.random() < 0.3,
                    )
                )
    Unit.objects.bulk_create(units, batch_size=2000)
    Page.objects.filter(pk=home.pk).update(numchild=start + count + 10)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
    return len(units)


def measure(label, client, url):
    def get():
        response = client.get(url)
        assert response.status_code == 200, response.status_code

    get()
    ms = median_ms(get, runs=RUNS, warmup=2)
    return label, ms, query_count(get), cpu_median_ms(get, runs=RUNS)


def main():
    in_scratch_database(run)


def run():
    from welcome.translation import setup

    rng = random.Random(4)
    home, admin = build_site()
    setup.ensure_all()
    client = Client()
    client.force_login(admin)
    print(f"Database: {connection.vendor}; load average {os.getloadavg()[0]:.2f}")

    content_type = ContentType.objects.get_for_model(
        __import__("welcome.pages.models", fromlist=["TopicPage"]).TopicPage
    )
    editor = []
    for count in (10, 300):
        page = topic_with_segments(home, count)
        url = reverse("translation:editor", args=[content_type.pk, page.translation_key, "ar"])
        editor.append(measure(f"editor, {count} segments", client, url))
    print("\nEditor (Arabic):")
    row("", "median ms", "cpu ms", "queries")
    for label, ms, queries, cpu in editor:
        row(label, f"{ms:.1f}", f"{cpu:.1f}", queries)
    print(
        f"  300 against 10 segments: × {editor[1][1] / editor[0][1]:.2f} time, "
        f"queries {editor[0][2]} → {editor[1][2]} (target ≤ 300 ms, same queries)"
    )

    locales = list(Locale.objects.exclude(language_code="da"))
    overview, made, total = [], 0, 0
    for size in (200, 2000):
        started = time.perf_counter()
        total += add_topics(home, made, size - made, rng, locales)
        made = size
        print(
            f"\n{size} pages × {len(locales) + 1} languages, {total} units "
            f"(built in {time.perf_counter() - started:.1f} s)"
        )
        overview.append(measure(f"overview, {size} pages", client, reverse("translation:overview")))
        label, ms, queries, cpu = overview[-1]
        row(label, f"{ms:.1f} ms", f"cpu {cpu:.1f} ms", f"{queries} queries")
    print(
        f"\n2000 against 200 pages: × {overview[1][1] / overview[0][1]:.2f} time, "
        f"queries {overview[0][2]} → {overview[1][2]} (target ≤ 1000 ms, constant queries)"
    )


if __name__ == "__main__":
    main()
