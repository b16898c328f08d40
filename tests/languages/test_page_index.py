import pytest
from django.db import connection


@pytest.mark.django_db
def test_page_url_paths_are_indexed_for_routing():
    """Routing finds pages by URL path (welcome.languages.fallback); Wagtail does not index it."""
    with connection.cursor() as cursor:
        constraints = connection.introspection.get_constraints(cursor, "wagtailcore_page")

    assert any(info["index"] and info["columns"] == ["url_path"] for info in constraints.values())
