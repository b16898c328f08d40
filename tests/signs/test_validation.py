"""Sign texts fit the sign in every language; codes are unique; the language list is valid."""

import pytest
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils import translation
from wagtail.models import Locale

from welcome.signs.models import Sign

from .factories import SignFactory, translate_sign

pytestmark = pytest.mark.django_db


def errors(sign):
    with pytest.raises(ValidationError) as raised:
        sign.full_clean()
    return raised.value.message_dict


def test_texts_at_the_limit_are_accepted(db):
    sign = SignFactory.build(headline="x" * 40, message="y" * 160)

    sign.full_clean()


def test_a_too_long_arabic_headline_is_refused_naming_arabic(db):
    sign = SignFactory()
    arabic = translate_sign(sign, "ar")
    arabic.headline = "مرحبًا بكم في خدمة المواطنين في بلدية كوبنهاغن"  # 46 characters

    with translation.override("en"):
        messages = errors(arabic)

    assert list(messages) == ["headline"]
    assert "Arabic (العربية)" in messages["headline"][0]
    assert "46 characters" in messages["headline"][0]
    assert "at most 40" in messages["headline"][0]


def test_a_too_long_urdu_message_is_refused_naming_urdu(db):
    urdu = translate_sign(SignFactory(), "ur")
    urdu.message = "ا" * 161

    with translation.override("en"):
        messages = errors(urdu)

    assert "Urdu (اردو)" in messages["message"][0]
    assert "161 characters" in messages["message"][0]


def test_the_language_is_named_in_the_editors_language_and_in_its_own(db):
    arabic = translate_sign(SignFactory(), "ar")
    arabic.headline = "ب" * 41

    with translation.override("da"):
        messages = errors(arabic)

    assert "Arabisk (العربية)" in messages["headline"][0]


def test_duplicate_code_of_another_sign_is_refused(db):
    SignFactory(code="bibliotek")
    other = SignFactory.build(code="bibliotek")

    assert "already used by another sign" in errors(other)["code"][0]


def test_translations_of_a_sign_share_its_code(db):
    sign = SignFactory(code="bibliotek")
    arabic = translate_sign(sign, "ar")

    arabic.full_clean()
    assert arabic.code == "bibliotek"


def test_the_database_refuses_two_signs_with_one_code_in_one_language(db):
    SignFactory(code="bibliotek")

    with pytest.raises(IntegrityError), transaction.atomic():
        SignFactory(code="bibliotek")


@pytest.mark.parametrize(
    ("languages", "message"),
    [
        ("da, xx", "Unknown language codes: xx"),
        ("da, ar, da", "only once"),
        (" , ", "at least one language"),
    ],
)
def test_bad_language_lists_are_refused(db, languages, message):
    sign = SignFactory.build(languages=languages)

    assert message in errors(sign)["languages"][0]


def test_the_language_list_is_normalised(db):
    sign = SignFactory.build(languages="da,en ;ar  ur")

    sign.full_clean()

    assert sign.languages == "da, en, ar, ur"
    assert sign.language_codes() == ["da", "en", "ar", "ur"]


@pytest.mark.parametrize("code", ["Bib", "a", "bib lio", "bib/1", "x" * 33])
def test_codes_must_be_short_lower_case_slugs(db, code):
    sign = SignFactory.build(code=code)

    assert "code" in errors(sign)


def test_refused_sign_is_not_saved(db):
    before = Sign.objects.count()
    sign = SignFactory.build(headline="x" * 41, locale=Locale.objects.get(language_code="da"))

    with pytest.raises(ValidationError):
        sign.full_clean()

    assert Sign.objects.count() == before
