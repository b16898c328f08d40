import pytest
from django.conf import settings
from django.utils.translation import get_language_info

from welcome.languages import registry
from welcome.languages.info import describe


def test_default_active_languages_are_the_configured_ones(db):
    assert registry.active_codes() == ["da", "en", "ar", "tr", "ur", "so", "fa", "pl", "uk"]
    assert registry.source().code == "da"


@pytest.mark.parametrize(
    ("code", "native", "direction", "script", "typeface"),
    [
        ("da", "Dansk", "ltr", "Latn", "latin"),
        ("ar", "العربية", "rtl", "Arab", "arabic"),
        ("ur", "اردو", "rtl", "Arab", "nastaliq"),
        ("fa", "فارسی", "rtl", "Arab", "arabic"),
        ("so", "Soomaali", "ltr", "Latn", "latin"),
        ("uk", "Українська", "ltr", "Cyrl", "cyrillic"),
        ("ti", "ትግርኛ", "ltr", "Ethi", "ethiopic"),
    ],
)
def test_registry_knows_each_language_from_babel(code, native, direction, script, typeface):
    language = registry.get(code)
    assert (language.native_name, language.direction, language.script, language.typeface) == (
        native,
        direction,
        script,
        typeface,
    )


def test_plural_rules_come_from_babel_for_every_language():
    assert registry.get("pl").nplurals == 3
    assert registry.get("ar").nplurals == 6
    assert registry.get("tr").plural_forms == "nplurals=1; plural=0;"
    assert all(language.plural_forms.startswith("nplurals=") for language in registry.supported())


def test_stemmers_exist_only_where_snowball_has_one():
    assert registry.get("da").stemmer == "danish"
    assert registry.get("ar").stemmer == "arabic"
    assert registry.get("so").stemmer is None


def test_django_learns_languages_it_does_not_know():
    assert get_language_info("so")["name_local"] == "Soomaali"
    assert get_language_info("ti")["bidi"] is False


def test_unsupported_and_unknown_codes_are_refused():
    with pytest.raises(LookupError):
        registry.get("xx")
    with pytest.raises(LookupError):
        describe("not-a-language")


def test_every_supported_language_is_a_django_language():
    assert [code for code, _name in settings.LANGUAGES] == settings.WELCOME_LANGUAGES


def test_a_request_reads_the_active_languages_once_and_sees_a_new_one_at_once(
    db, django_assert_num_queries
):
    from django.core.cache import cache
    from wagtail.models import Locale

    with registry.once_per_request():
        first = registry.active_codes()
        cache.delete(registry.ACTIVE_CACHE_KEY)
        with django_assert_num_queries(0):  # neither cache nor database asked again
            assert registry.active_codes() == first
        Locale.objects.create(language_code="ti")  # activating clears the request's copy
        assert registry.active_codes() == [*first, "ti"]

    cache.set(registry.ACTIVE_CACHE_KEY, ["da"])
    assert registry.active_codes() == ["da"]  # outside a request: the shared cache as before
