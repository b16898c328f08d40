import pytest
from django.core.cache import cache

from welcome.pages.models import TopicPage
from welcome.signs.models import Sign

from ..factories import TopicPageFactory, make_home, publish, translate
from .factories import SignFactory, translate_sign


@pytest.fixture(scope="module")
def sign_ids(module_transaction):
    """A topic in da, en, ar, ur (not Somali) and two signs pointing to it: ``complete`` printed
    in da, en, ar, ur with every translation; ``partial`` printed in da, ar, ur, so with only the
    Arabic translation. Built once per module: ids."""
    cache.clear()
    home = make_home()
    topic = publish(TopicPageFactory(parent=home, title="Adresse og CPR-nummer", slug="cpr"))
    topics = {"da": topic}
    for code in ("en", "ar", "ur"):
        translate(home, code)
        topics[code] = translate(topic, code)
    complete = SignFactory(target_page=topic, code="borgerservice", languages="da, en, ar, ur")
    versions = {"da": complete}
    for code in ("en", "ar", "ur"):
        versions[code] = translate_sign(complete, code)
    partial = SignFactory(target_page=topic, code="bibliotek", languages="da, ar, ur, so")
    translate_sign(partial, "ar")
    return {
        "topics": {code: page.pk for code, page in topics.items()},
        "complete": {code: sign.pk for code, sign in versions.items()},
        "partial": partial.pk,
    }


@pytest.fixture
def signs(sign_ids, db):
    """``{"topics": {code: topic}, "complete": {code: sign}, "partial": sign}``, fresh objects for
    each test (its changes are rolled back)."""
    return {
        "topics": {code: TopicPage.objects.get(pk=pk) for code, pk in sign_ids["topics"].items()},
        "complete": {code: Sign.objects.get(pk=pk) for code, pk in sign_ids["complete"].items()},
        "partial": Sign.objects.get(pk=sign_ids["partial"]),
    }
