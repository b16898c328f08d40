import pytest
from django.core.cache import cache

from ..factories import TopicPageFactory, make_home, publish, translate
from .factories import SignFactory, translate_sign


@pytest.fixture(scope="module")
def signs(module_transaction):
    """A topic in da, en, ar, ur (not Somali) and two signs pointing to it: ``complete`` printed
    in da, en, ar, ur with every translation; ``partial`` printed in da, ar, ur, so with only the
    Arabic translation. Built once per module; use with ``db``."""
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
    return {"topics": topics, "complete": versions, "partial": partial}
