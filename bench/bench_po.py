"""PO export and import of one language for 1,000 pages (about 30,000 entries), and 100 pages
as the baseline measured in the same run, to show the cost grows linearly.

Runs in a throw-away test database (never the development data): SQLite in memory by default,
or PostgreSQL when DATABASE_URL is set (a ``test_…`` database, dropped at the end). Pages and
units are written in bulk (page rows with computed tree paths, units with ``bulk_create``), so
building 1,000 pages takes seconds.

Prints, for 100 and 1,000 pages: entries, file size, median wall time of the export (select,
titles, glossary comments, serialise) and of the import (read, check every entry, apply in one
transaction, rolled back after each run so every run does the same work), and the peak memory
the Python heap reached during one export and one import (tracemalloc, measured in separate runs
so it does not slow the timed ones). Targets (issue 5): export and import of 1,000 pages each
≤ 10 s median and ≤ 300 MB peak.
"""

import os
import statistics
import time
import tracemalloc
import uuid

os.environ["DJANGO_SETTINGS_MODULE"] = "welcome.settings.dev"
os.environ["DEBUG"] = "false"

from common import danish_home, in_scratch_database, row
from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.test.utils import override_settings
from wagtail.models import Locale, Page

SIZES = (100, 1000)
UNITS_PER_PAGE = 30
RUNS = 3

PARAGRAPHS = [
    "Dit CPR-nummer er dit personnummer i Danmark. Du får det hos Borgerservice.",
    '<p>Book en tid på <a id="a1">kk.dk</a>, før du kommer. Husk dit sundhedskort.</p>',
    "Ring til os på 33 66 33 66 mandag til fredag kl. 10-15.",
    "Log på med MitID, og læs din Digital Post hver uge.",
    "<p>Tilmeld dig <b>danskuddannelse</b> på sprogskolen. Det er gratis i fem år.</p>",
    "Din egen læge står på dit sundhedskort. Skift læge på borger.dk.",
]


def _path(parent, position):
    digits = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ"
    number, step = position, ""
    while number:
        number, remainder = divmod(number, 36)
        step = digits[remainder] + step
    return parent.path + step.rjust(4, "0")


@transaction.atomic
def add_pages(home, count):
    """``count`` Danish topic pages (page rows only: the export reads titles from them) with
    ``UNITS_PER_PAGE`` Arabic units each, in a mix of states."""
    from welcome.pages.models import TopicPage
    from welcome.translation.models import SegmentKind, Unit, UnitState, text_hash

    content_type = ContentType.objects.get_for_model(TopicPage)
    danish = Locale.objects.get(language_code="da")
    arabic = Locale.objects.get(language_code="ar")
    pages = [
        Page(
            title=f"Emne {number}: Adresse og CPR-nummer",
            slug=f"emne-{number}",
            content_type=content_type,
            locale=danish,
            translation_key=uuid.uuid4(),
            path=_path(home, number),
            depth=home.depth + 1,
            numchild=0,
            live=True,
            url_path=f"{home.url_path}emne-{number}/",
            draft_title=f"Emne {number}",
        )
        for number in range(1, count + 1)
    ]
    Page.objects.bulk_create(pages, batch_size=500)
    Page.objects.filter(pk=home.pk).update(numchild=count)
    states = [UnitState.UNTRANSLATED, UnitState.DRAFT, UnitState.APPROVED, UnitState.OUTDATED]
    units = []
    for number, page in enumerate(pages):
        for position in range(UNITS_PER_PAGE):
            text = f"{PARAGRAPHS[position % len(PARAGRAPHS)]} ({number}.{position})"
            state = states[(number + position) % len(states)]
            translated = state != UnitState.UNTRANSLATED
            units.append(
                Unit(
                    content_type=content_type,
                    translation_key=page.translation_key,
                    locale=arabic,
                    key=f"body/{uuid.UUID(int=number * 1000 + position)}/text",
                    kind=SegmentKind.RICH if text.startswith("<p>") else SegmentKind.TEXT,
                    max_length=None if position else 255,
                    context="Brødtekst › Afsnit",
                    position=position,
                    markup={"a1": ' href="https://www.kk.dk"'} if "a1" in text else {},
                    source_text=text,
                    source_hash=text_hash(text),
                    target_text=f"ترجمة {number}.{position}" if translated else "",
                    state=state,
                    previous_source=text.replace("Danmark", "DK")
                    if state == UnitState.OUTDATED
                    else "",
                )
            )
    Unit.objects.bulk_create(units, batch_size=2000)
    return pages


def translated(data):
    """Every entry of an exported file translated faithfully (tags, numbers kept), fuzzy marks
    removed, as a translator's tool would save it."""
    import re
    import tempfile

    import polib

    with tempfile.NamedTemporaryFile(suffix=".po", delete=False) as file:
        file.write(data)
    catalog = polib.pofile(file.name, encoding="utf-8", wrapwidth=0)
    os.unlink(file.name)
    for entry in catalog:
        pieces = re.split(r"(<[^<>]+>)", entry.msgid)
        entry.msgstr = "".join(
            piece if piece.startswith("<") else re.sub(r"[^\W\d_]+", "نص", piece)
            for piece in pieces
        )
        if "fuzzy" in entry.flags:
            entry.flags.remove("fuzzy")
        entry.previous_msgid = None
    return catalog.__unicode__().encode("utf-8")


def measure(function, runs=RUNS):
    """Median wall time and median processor time (this process) of ``function()``, in s."""
    walls, cpus = [], []
    result = None
    for _ in range(runs):
        started, cpu = time.perf_counter(), time.process_time()
        result = function()
        walls.append(time.perf_counter() - started)
        cpus.append(time.process_time() - cpu)
    return (statistics.median(walls), statistics.median(cpus)), result


def peak_mb(function):
    tracemalloc.start()
    try:
        function()
        return tracemalloc.get_traced_memory()[1] / 1e6
    finally:
        tracemalloc.stop()


def rolled_back(function):
    def run():
        with transaction.atomic():
            result = function()
            transaction.set_rollback(True)
        return result

    return run


def main():
    in_scratch_database(run_bench)


def run_bench():
    from welcome.translation import po

    started = time.perf_counter()
    home = danish_home()
    pages = add_pages(home, max(SIZES))
    arabic = Locale.objects.get(language_code="ar")
    print(f"setup: {len(pages)} pages, {time.perf_counter() - started:.1f} s")
    content_type = ContentType.objects.get_for_model(pages[0].specific_class)
    figures = {}
    for size in SIZES:
        objects = [(content_type, page.translation_key) for page in pages[:size]]

        def export(objects=objects):
            return po.export_po(arabic, po.select_units(arabic, objects=objects))

        export_s, data = measure(export)
        export_peak = peak_mb(export)
        upload = translated(data)
        with override_settings(WELCOME_PO_MAX_BYTES=len(upload) + 1):

            def do_import(upload=upload):
                return po.import_po(upload, user=None)

            import_s, report = measure(rolled_back(do_import))
            import_peak = peak_mb(rolled_back(do_import))
        assert report.accepted and len(report.applied) == size * UNITS_PER_PAGE, report.lines()[:5]
        figures[size] = {
            "entries": size * UNITS_PER_PAGE,
            "file size (MB)": len(data) / 1e6,
            "export wall (s)": export_s[0],
            "export processor (s)": export_s[1],
            "export peak memory (MB)": export_peak,
            "import wall (s)": import_s[0],
            "import processor (s)": import_s[1],
            "import peak memory (MB)": import_peak,
        }

    print(f"PO export and import, Arabic, {UNITS_PER_PAGE} segments per page (median of {RUNS})")
    row("pages", *(f"{size:,}" for size in SIZES), "ratio")
    small, large = figures[SIZES[0]], figures[SIZES[-1]]
    for label in small:
        shown = [
            f"{v:,}" if label == "entries" else f"{v:.2f}" for v in (small[label], large[label])
        ]
        row(label, *shown, f"{large[label] / small[label]:.1f}x")
    for step in ("export", "import"):
        met = large[f"{step} wall (s)"] <= 10 and large[f"{step} peak memory (MB)"] <= 300
        print(f"{step} of 1,000 pages ≤ 10 s and ≤ 300 MB: {'met' if met else 'MISSED'}")
    print(f"load average: {os.getloadavg()[0]:.1f}")


if __name__ == "__main__":
    main()
