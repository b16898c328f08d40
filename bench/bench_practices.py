"""Good-practice library with 5,000 practices: the faceted listing and an API page.

Runs in a throw-away test database (never the development data): SQLite in memory by default,
or PostgreSQL when DATABASE_URL is set (a ``test_…`` database, dropped at the end). Practices are
written in bulk (page rows with computed tree paths) so that building 5,000 takes seconds.

Prints median time and SQL query count of
- the library listing with three active filters (department, channel, language), anonymous;
- the same as staff (internal practices included);
- an API page of 50 practices (``/api/practices/?lang=da&page=2``),
first with 500 practices (the baseline, same run) and then with 5,000, and the ratios.
Targets (issue 6): listing ≤ 150 ms median with a constant number of queries; API page ≤ 100 ms.
Wall time depends on what else the machine runs; the processor time of this process is printed
next to it, with the load average.
"""

import os
import random
import uuid
from datetime import timedelta

os.environ["DJANGO_SETTINGS_MODULE"] = "welcome.settings.dev"
os.environ["DEBUG"] = "false"

from common import cpu_median_ms, danish_home, in_scratch_database, median_ms, query_count, row
from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.test import Client
from django.utils import timezone
from wagtail.models import Page

FILTERS = {"department": "bif", "channel": "video", "language": "ar"}
SIZES = (500, 5000)
RUNS = 30


def build_site():
    """A Danish home page, the library, a staff user of a department."""
    from django.contrib.auth import get_user_model

    from welcome.practices.models import Department, PracticeIndexPage
    from welcome.practices.setup import department_group

    home = danish_home()
    library = home.add_child(instance=PracticeIndexPage(title="God praksis", slug="practices"))
    staff = get_user_model().objects.create_user("bench-staff", "staff@example.invalid", "x" * 12)
    staff.groups.add(department_group(Department.objects.get(slug="sof")))
    return library, staff


def _path(library, position):
    """Materialised path of the library's ``position``-th child (treebeard, base 36, 4 digits)."""
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    number, step = position, ""
    while number:
        number, remainder = divmod(number, 36)
        step = digits[remainder] + step
    return library.path + step.rjust(4, "0")


@transaction.atomic
def add_practices(library, start, count, rng):
    """Write practices ``start+1 … start+count`` under ``library`` in bulk, with taxonomy."""
    from welcome.practices.models import (
        Channel,
        Department,
        FocusArea,
        PracticePage,
        TargetGroup,
        UsedLanguage,
    )

    content_type = ContentType.objects.get_for_model(PracticePage)
    departments = list(Department.objects.all())
    areas = list(FocusArea.objects.all())
    channels = list(Channel.objects.all())
    groups = list(TargetGroup.objects.all())
    languages = list(UsedLanguage.objects.all()[:12])
    now = timezone.now()
    pages, practices = [], []
    for n in range(start + 1, start + count + 1):
        slug = f"praksis-{n}"
        published = now - timedelta(minutes=n)
        pages.append(
            Page(
                title=f"Praksis nummer {n}",
                draft_title=f"Praksis nummer {n}",
                slug=slug,
                path=_path(library, n),
                depth=library.depth + 1,
                numchild=0,
                url_path=f"{library.url_path}{slug}/",
                content_type=content_type,
                locale_id=library.locale_id,
                translation_key=uuid.uuid4(),
                live=True,
                first_published_at=published,
                last_published_at=published,
            )
        )
    Page.objects.bulk_create(pages, batch_size=500)
    created = Page.objects.filter(path__in=[page.path for page in pages]).values("pk", "path")
    by_path = {row["path"]: row["pk"] for row in created}
    for page in pages:
        owner = rng.choice(departments)
        practices.append(
            PracticePage(
                page_ptr_id=by_path[page.path],
                summary=f"Resumé af {page.title}: hvad der blev gjort, og hvad det gav.",
                what_was_done="<p>Sådan gjorde vi.</p>",
                status=rng.choice(["idea", "piloted", "proven"]),
                visibility="internal" if rng.random() < 0.2 else "public",
                department_id=owner.pk,
                search_document=f" praksis nummer {page.slug} ",
            )
        )
    # Multi-table inheritance rules out bulk_create for PracticePage; insert its own rows directly.
    PracticePage.objects._insert(
        practices, fields=PracticePage._meta.local_concrete_fields, using=connection.alias
    )
    relations = {
        "departments": (departments, 3),
        "focus_areas": (areas, 2),
        "channels": (channels, 3),
        "target_groups": (groups, 2),
        "languages": (languages, 4),
    }
    for name, (choices, most) in relations.items():
        field = PracticePage._meta.get_field(name)
        through = field.remote_field.through
        source, target = field.m2m_field_name(), field.m2m_reverse_field_name()
        rows = []
        for practice in practices:
            chosen = rng.sample(choices, rng.randint(1, most))
            if name == "departments" and practice.department_id not in {c.pk for c in chosen}:
                chosen.append(next(d for d in departments if d.pk == practice.department_id))
            rows.extend(
                through(**{f"{source}_id": practice.page_ptr_id, f"{target}_id": item.pk})
                for item in chosen
            )
        through.objects.bulk_create(rows, batch_size=2000)
    Page.objects.filter(pk=library.pk).update(numchild=start + count)
    if connection.vendor == "postgresql":
        # As autovacuum would in production: the planner needs statistics after a bulk load.
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")


def matching(library):
    """How many practices the public sees with FILTERS."""
    from django.contrib.auth.models import AnonymousUser

    from welcome.practices.library import LibraryQuery

    selected = {key: (value,) for key, value in FILTERS.items()}
    query = LibraryQuery("da", library.locale_id, AnonymousUser(), selected=selected)
    return query.run().count


def measure(label, client, url, params=None):
    def get():
        response = client.get(url, params or {})
        assert response.status_code == 200, response.status_code

    get()  # warm Wagtail's site-root cache, as on a running server
    ms = median_ms(get, runs=RUNS)
    cpu = cpu_median_ms(get, runs=RUNS)
    queries = query_count(get)
    return label, ms, cpu, queries


def main():
    in_scratch_database(run)


def run():
    rng = random.Random(6)
    library, staff = build_site()
    public, staff_client = Client(), Client()
    staff_client.force_login(staff)
    url = library.url
    print(f"Database: {connection.vendor}; filters: {FILTERS}")
    results, count = {}, 0
    for size in SIZES:
        add_practices(library, count, size - count, rng)
        count = size
        shown = matching(library)
        results[size] = [
            measure("listing, 3 filters (public)", public, url, FILTERS),
            measure("listing, 3 filters (staff)", staff_client, url, FILTERS),
            measure("API page of 50", public, "/api/practices/", {"lang": "da", "page": 2}),
        ]
        print(f"\n{size} practices ({shown} match the filters for the public):")
        row("", "median ms", "cpu ms", "queries")
        for label, ms, cpu, queries in results[size]:
            row(label, f"{ms:.1f}", f"{cpu:.1f}", queries)
    small, large = results[SIZES[0]], results[SIZES[-1]]
    print(f"\n{SIZES[-1]} against the {SIZES[0]}-practice baseline measured above:")
    row("", "× time", "queries")
    for before, after in zip(small, large, strict=True):
        row(before[0], f"{after[1] / before[1]:.2f}", f"{before[3]} → {after[3]}")
    listing, api = large[0], large[2]
    constant = all(before[3] == after[3] for before, after in zip(small, large, strict=True))
    print(
        f"\nTargets: listing {listing[1]:.1f} ms wall, {listing[2]:.1f} ms cpu (≤ 150); "
        f"API page {api[1]:.1f} ms wall, {api[2]:.1f} ms cpu (≤ 100); "
        f"queries constant: {constant}"
    )
    print(f"Load average while measuring: {', '.join(f'{x:.1f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
