"""A large, realistic site for the load benches: ``manage.py generate_load_data --pages 10000``.

On top of the demo site (loaded first, idempotently: home pages, topics, leaflets and films in every
active language) it adds ``pages`` Danish topic pages in a tree under the Danish home page
(``FANOUT`` children per page: 25 sections, 625 subsections, the rest below them) and their
translation in every other active language, under that language's home page, with the same slugs
and translation keys. Titles, intros and StreamField bodies are the demo topics' text in each
language, so every page renders paragraphs, steps, contact cards and calls to action in its own
script.

Speed: the rows are written with ``bulk_create`` (the ``wagtailcore_page`` rows) and one multi-row
``INSERT`` per batch for the topic table; the tree's materialised paths, depths, child counts and
URL paths are computed here instead of by treebeard's one-``add_child``-at-a-time. The pages are
published (``live``) without revisions and are not in the search index (``manage.py update_index``
adds them); nothing in a public page's rendering reads either.

Generated pages have slugs starting with ``load-``. Running the command again with the same number
of pages changes nothing; with another number it refuses (use a fresh database).
"""

import time
import uuid
from dataclasses import dataclass

from django.contrib.contenttypes.models import ContentType
from django.db import connection, transaction
from django.utils import timezone
from wagtail.models import Locale, Page

from welcome.core import demo, pagecache, restrictions
from welcome.core.demo import merge, prepared_stream
from welcome.languages import registry

from .demo import read_content
from .models import HomePage, TopicPage

FANOUT = 25
SLUG_PREFIX = "load-"
BATCH = 500
ID_NAMESPACE = uuid.UUID("6f1d3c0e-8c57-4a53-9c55-0c6f8b0a7d10")


class LoadDataError(Exception):
    """The database cannot take the load data as asked (a different amount is already there)."""


@dataclass
class Outcome:
    created: int  # pages written, all languages
    languages: list
    existing: int = 0  # generated Danish pages found (when nothing was written)


def parent_index(i):
    """Index of the parent of generated page ``i`` in a complete ``FANOUT``-ary tree, or ``None``
    for the pages directly under the home page."""
    return None if i < FANOUT else i // FANOUT - 1


def generated_pages(locale):
    return TopicPage.objects.filter(locale=locale, slug__startswith=SLUG_PREFIX)


def generate(pages, log, with_demo=True):
    """Build ``pages`` generated topics in every active language (see the module docstring);
    ``with_demo=False`` builds on the home pages already there instead of loading the demo."""
    started = time.monotonic()
    if with_demo:
        demo.run_all(lambda message: None)
        log(f"Demo site in place ({time.monotonic() - started:.1f} s).")
    source = Locale.objects.get(language_code=registry.source().code)
    existing = generated_pages(source).count()
    if existing == pages:
        log(f"{existing} generated pages per language are already in place; nothing to do.")
        return Outcome(created=0, languages=[], existing=existing)
    if existing:
        raise LoadDataError(
            f"This database already holds {existing} generated pages per language, not {pages}; "
            "generate into a fresh database."
        )
    templates = _templates()
    homes = _homes()
    created = 0
    with transaction.atomic():
        for code, home in homes.items():
            created += _build_language(home, templates[code], pages)
            log(f"{code}: {pages} topic pages ({time.monotonic() - started:.1f} s).")
    pagecache.bump_generation()
    restrictions.forget_restricted_paths()
    return Outcome(created=created, languages=list(homes))


def _homes():
    """Each active language's live home page, source language first."""
    homes = {}
    for code in registry.active_codes():
        home = HomePage.objects.live().filter(locale__language_code=code).first()
        if home is not None:
            homes[code] = home
    return homes


def _templates():
    """Per language, the demo topics' text as page field values (bodies as prepared JSON with the
    source's block ids; a language without demo text gets the Danish text)."""
    source = read_content(registry.source().code)["topics"]
    stream_block = TopicPage.body.field.stream_block
    prepared = [prepared_stream(stream_block, topic["body"]) for topic in source]
    templates = {}
    for code in registry.active_codes():
        content = read_content(code)
        topics = content["topics"] if content else source
        templates[code] = [
            {
                "title": topic["title"],
                "intro": topic["intro"],
                "search_description": topic["search_description"],
                "icon": base["icon"],
                "slug": base["slug"],
                "body": merge(stream_block, body, topic["body"]),
            }
            for base, topic, body in zip(source, topics, prepared, strict=True)
        ]
    return templates


def _fresh_ids(value, i):
    """``value`` (prepared StreamField JSON) with block ids unique to page ``i``; derived from the
    source ids, so every translation of page ``i`` gets the same ids as the Danish page."""
    if isinstance(value, list):
        return [_fresh_ids(item, i) for item in value]
    if isinstance(value, dict):
        fresh = {key: _fresh_ids(item, i) for key, item in value.items()}
        if "id" in value and "value" in value:
            fresh["id"] = str(uuid.uuid5(ID_NAMESPACE, f"{i}:{value['id']}"))
        return fresh
    return value


def _build_language(home, templates, pages):
    """Write the ``pages`` generated topics under ``home``; returns the number written."""
    now = timezone.now()
    content_type = ContentType.objects.get_for_model(TopicPage)
    first_step = home.numchild + 1
    paths, url_paths, numchild = [], [], [0] * pages
    rows = []
    for i in range(pages):
        template = templates[i % len(templates)]
        parent = parent_index(i)
        if parent is None:
            path = Page._get_path(home.path, home.depth + 1, first_step + i)
            parent_url = home.url_path
        else:
            depth = len(paths[parent]) // Page.steplen + 1
            path = Page._get_path(paths[parent], depth, i % FANOUT + 1)
            parent_url = url_paths[parent]
            numchild[parent] += 1
        slug = f"{SLUG_PREFIX}{i + 1}-{template['slug']}"
        paths.append(path)
        url_paths.append(f"{parent_url}{slug}/")
        title = f"{template['title']} {i + 1}"
        rows.append(
            Page(
                path=path,
                depth=len(path) // Page.steplen,
                translation_key=uuid.uuid5(ID_NAMESPACE, f"page:{i}"),
                locale_id=home.locale_id,
                live=True,
                has_unpublished_changes=False,
                first_published_at=now,
                last_published_at=now,
                title=title,
                draft_title=title,
                slug=slug,
                content_type=content_type,
                url_path=url_paths[-1],
                search_description=template["search_description"],
            )
        )
    for row, count in zip(rows, numchild, strict=True):
        row.numchild = count
    Page.objects.bulk_create(rows, batch_size=BATCH)
    if rows and rows[0].pk is None:  # a backend without RETURNING: read the ids back
        ids = dict(Page.objects.filter(path__in=paths).values_list("path", "pk"))
        for row in rows:
            row.pk = ids[row.path]
    _insert_topics(rows, templates)
    Page.objects.filter(pk=home.pk).update(numchild=home.numchild + min(pages, FANOUT))
    return pages


def _insert_topics(rows, templates):
    """The topic table's rows for the ``wagtailcore_page`` rows just written (Django's
    ``bulk_create`` refuses multi-table models, so this is its insert for the child table)."""
    fields = TopicPage._meta.local_concrete_fields
    topics = []
    for i, row in enumerate(rows):
        template = templates[i % len(templates)]
        topics.append(
            TopicPage(
                page_ptr_id=row.pk,
                intro=template["intro"],
                icon=template["icon"],
                body=_fresh_ids(template["body"], i),
            )
        )
    for start in range(0, len(topics), BATCH):
        TopicPage._base_manager._insert(
            topics[start : start + BATCH], fields=fields, using=connection.alias
        )
