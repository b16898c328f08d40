"""What every public page view reads from the database: which pages lie on the requested path, the
page that answers (as its own type, with its locale) and where its live translations are.

SQL is built once per database alias instead of once per call: Django builds a queryset's SQL
anew every time, and for these small, indexed lookups building it cost several times what running
it did (bench/bench_pages.py: together about a fifth of a topic page's render time). Table and
column names come from the models, parameters go through the fields' own database preparation,
and the page query is the ORM's own SQL, so all of it follows the schema on SQLite and PostgreSQL.
"""

from functools import cache

from django.contrib.contenttypes.models import ContentType
from django.db import connections
from django.db.models.query import get_related_populators
from wagtail.models import Locale, Page


@cache
def _statements(alias):
    connection = connections[alias]
    quote = connection.ops.quote_name

    def column(model, name):
        return f"{quote(model._meta.db_table)}.{quote(model._meta.get_field(name).column)}"

    page, locale = quote(Page._meta.db_table), quote(Locale._meta.db_table)
    url_path = column(Page, "url_path")
    return {
        "on_path": (
            f"SELECT {url_path}, {column(Page, 'id')}, {column(Page, 'content_type')} "
            f"FROM {page} WHERE {url_path} IN ({{placeholders}})"
        ),
        "translations": (
            f"SELECT {column(Locale, 'language_code')}, {url_path} FROM {page} "
            f"INNER JOIN {locale} ON {column(Locale, 'id')} = {column(Page, 'locale')} "
            f"WHERE {column(Page, 'translation_key')} = %s AND {column(Page, 'live')} = %s"
        ),
    }


def pages_on_paths(url_paths, using="default"):
    """``{url_path: (page id, content type id)}`` for the pages (live or not) at ``url_paths``."""
    url_paths = list(url_paths)
    if not url_paths:
        return {}
    sql = _statements(using)["on_path"].format(placeholders=", ".join(["%s"] * len(url_paths)))
    with connections[using].cursor() as cursor:
        cursor.execute(sql, url_paths)
        return {url_path: (pk, content_type_id) for url_path, pk, content_type_id in cursor}


def live_translation_paths(translation_key, using="default"):
    """``[(language code, url_path)]`` of the live pages with ``translation_key``."""
    connection = connections[using]
    key = Page._meta.get_field("translation_key").get_db_prep_value(translation_key, connection)
    live = Page._meta.get_field("live").get_db_prep_value(True, connection)
    with connection.cursor() as cursor:
        cursor.execute(_statements(using)["translations"], [key, live])
        return cursor.fetchall()


@cache
def _page_query(model, alias):
    """The ORM's compiler for "``model`` by id, with its locale", with its SQL built once."""
    queryset = model._default_manager.select_related("locale").filter(pk=0).order_by()
    compiler = queryset.query.get_compiler(alias)
    sql, params = compiler.as_sql()
    if list(params) != [0]:  # the id must be the only parameter, for the SQL to be reused
        raise ValueError(f"Unexpected parameters in {model.__name__}'s page query: {params!r}")
    return sql, compiler


def specific_page(pk, content_type_id, using="default"):
    """The page ``pk`` as its own type with its locale (its language is asked for on every serve),
    in one query: what ``Page.specific`` gives, read as Django's ``ModelIterable`` reads a row.
    ``DoesNotExist`` when it is gone."""
    model = ContentType.objects.get_for_id(content_type_id).model_class()
    if model is None:  # a page type whose code is gone: Wagtail serves the base page
        model = Page
    sql, compiler = _page_query(model, using)
    with connections[using].cursor() as cursor:
        cursor.execute(sql, [pk])
        found = cursor.fetchall()
    if not found:
        raise model.DoesNotExist(f"No {model.__name__} with id {pk}.")
    row = next(iter(compiler.results_iter(results=[found])))  # converters: JSON, dates, UUIDs
    select, klass_info = compiler.select, compiler.klass_info
    start, end = klass_info["select_fields"][0], klass_info["select_fields"][-1] + 1
    page = model.from_db(using, [column.target.attname for column, *_ in select[start:end]],
                         row[start:end])  # fmt: skip
    for populator in get_related_populators(klass_info, select, using):
        populator.populate(row, page)
    return page
