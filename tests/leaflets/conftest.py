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
def leaflets(module_transaction):
    """The first demo leaflet in Danish, English, Arabic and Urdu, ``{code: leaflet}``, under a
    leaflet list on the home page. Built once per module from the demo content; use with ``db``."""
    cache.clear()
    home = make_home()
    source = read_content("da")
    index = source_child(home, LeafletIndexPage, quiet, **source["index"])
    leaflet = source_child(index, LeafletPage, quiet, **source["leaflets"][0])
    pages = {"da": leaflet}
    for code in LANGUAGES:
        content = read_content(code)
        translate(home, content["home"], code, quiet)
        translate(index, content["index"], code, quiet)
        pages[code] = translate(leaflet, content["leaflets"][0], code, quiet)
    return pages
