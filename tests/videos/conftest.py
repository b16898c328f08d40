import pytest
from django.core.cache import cache

from welcome.videos.models import VideoPage

from ..factories import make_home, translate
from .factories import make_video_page

LANGUAGES = ("en", "ar", "ur")


@pytest.fixture(scope="module")
def film_ids(module_transaction):
    """Built once per module: a film with subtitle tracks in da, ar, ur and en, in Danish,
    English, Arabic and Urdu. ``{code: page id}``."""
    cache.clear()
    home = make_home()
    index, page = make_video_page(home)
    pages = {"da": page}
    for code in LANGUAGES:
        translate(home, code)
        translate(index, code)
        pages[code] = translate(page, code)
    return {code: page.pk for code, page in pages.items()}


@pytest.fixture
def films(film_ids, db):
    """``{code: video page}``, fresh objects for each test (its changes are rolled back)."""
    return {code: VideoPage.objects.get(pk=pk) for code, pk in film_ids.items()}
