import pytest
from django.core.cache import cache

from ..factories import make_home, translate
from .factories import make_video_page

LANGUAGES = ("en", "ar", "ur")


@pytest.fixture(scope="module")
def films(module_transaction):
    """A film with subtitle tracks in da, ar, ur and en, in Danish, English, Arabic and Urdu,
    ``{code: video page}``. Built once per module; use with ``db``."""
    cache.clear()
    home = make_home()
    index, page = make_video_page(home)
    pages = {"da": page}
    for code in LANGUAGES:
        translate(home, code)
        translate(index, code)
        pages[code] = translate(page, code)
    return pages
