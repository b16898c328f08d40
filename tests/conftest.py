import pytest
from django.core.cache import cache
from django.db import transaction
from django.test import Client
from django.utils import translation

from welcome.languages import registry
from welcome.pages.models import HomePage, TopicPage

from .factories import TopicPageFactory, make_home, publish, translate


@pytest.hookimpl(trylast=True)
def pytest_collection_modifyitems(items):
    """Tests on ``transactional_db`` end by flushing the database, which also removes what the
    migrations put there (locales, the root page, seeded terminology). Run them after every other
    test, so that none of those finds the database emptied; the sort is stable, so each worker of
    ``pytest -n`` keeps the same order."""
    items.sort(key=lambda item: "transactional_db" in getattr(item, "fixturenames", ()))


@pytest.fixture(autouse=True)
def _fresh_cache():
    """Caches (the active-language list, Wagtail's site root paths) never leak between tests."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture(autouse=True)
def _english_interface():
    """Tests state interface messages as their source strings (the English msgids), so code called
    directly runs in English. Requests still speak the language their URL asks for."""
    with translation.override("en"):
        yield


# Unprefixed URLs (the admin, /s/<code>/) speak the reader's negotiated language, Danish when the
# browser states none; the test clients state English unless a test asks for another language.
ENGLISH_BROWSER = {"Accept-Language": "en"}


@pytest.fixture
def client():
    return Client(headers=ENGLISH_BROWSER)


@pytest.fixture
def admin_client(db, admin_user):
    client = Client(headers=ENGLISH_BROWSER)
    client.force_login(admin_user)
    return client


@pytest.fixture
def home(db):
    return make_home()


@pytest.fixture
def topic(home):
    return publish(TopicPageFactory(parent=home, title="Adresse og CPR-nummer", slug="cpr"))


def build_translated_site():
    home = make_home()
    topic = publish(TopicPageFactory(parent=home, title="Adresse og CPR-nummer", slug="cpr"))
    pages = {"da": (home, topic)}
    for code in registry.active_codes():
        if code != "da":
            pages[code] = (translate(home, code), translate(topic, code))
    return pages


@pytest.fixture(scope="module")
def module_transaction(django_db_setup, django_db_blocker):
    """One transaction around a module: its data is built once and rolled back at the end. Each
    test still runs in its own savepoint (request ``db``), so tests may change the data freely."""
    with django_db_blocker.unblock(), transaction.atomic():
        yield
        transaction.set_rollback(True)


@pytest.fixture(scope="module")
def translated_site_ids(module_transaction):
    cache.clear()
    site = build_translated_site()
    return {code: (home.pk, topic.pk) for code, (home, topic) in site.items()}


@pytest.fixture
def translated_site(translated_site_ids, db):
    """Home and topic in Danish and every other active language, ``{code: (home, topic)}``.

    Built once per module; each test gets fresh objects and may change them freely (its changes
    are rolled back)."""
    return {
        code: (HomePage.objects.get(pk=home), TopicPage.objects.get(pk=topic))
        for code, (home, topic) in translated_site_ids.items()
    }
