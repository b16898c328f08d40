import pytest
from django.core.cache import cache

from welcome.core.demo import source_child, translate
from welcome.leaflets.demo import read_content
from welcome.leaflets.models import LeafletIndexPage, LeafletPage

from ..factories import make_home

LANGUAGES = ("en", "ar", "ur")


def quiet(message):
    pass


@pytest.fixture(scope="module")
def leaflet_ids(module_transaction):
    """Built once per module: the first demo leaflet in Danish, English, Arabic and Urdu under a
    leaflet list on the home page, from the demo content. ``{code: page id}``."""
    cache.clear()
    home = make_home()
    source = read_content("da")
    index = source_child(home, LeafletIndexPage, quiet, **source["index"])
    leaflet = source_child(index, LeafletPage, quiet, **source["leaflets"][0])
    pages = {"da": leaflet}
    for code in LANGUAGES:
        content = read_content(code)
        translate(home, {"title": f"Home [{code}]"}, code, quiet)
        translate(index, content["index"], code, quiet)
        pages[code] = translate(leaflet, content["leaflets"][0], code, quiet)
    return {code: page.pk for code, page in pages.items()}


@pytest.fixture
def leaflets(leaflet_ids, db):
    """``{code: leaflet}``, fresh objects for each test (its changes are rolled back)."""
    return {code: LeafletPage.objects.get(pk=pk) for code, pk in leaflet_ids.items()}
