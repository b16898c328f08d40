import factory
from wagtail.models import Locale

from welcome.signs.models import Sign

TRANSLATIONS = {
    "en": (
        "Welcome to Citizen Service",
        "Book a time before you come. Scan the code to read more.",
    ),
    "ar": (
        "مرحبًا بكم في خدمة المواطنين",
        "احجز موعدًا قبل أن تأتي. امسح الرمز لقراءة المزيد.",
    ),
    "ur": (
        "شہری خدمات میں خوش آمدید",
        "آنے سے پہلے وقت بک کریں۔ مزید پڑھنے کے لیے کوڈ اسکین کریں۔",
    ),
    "tr": (
        "Vatandaş Hizmetlerine hoş geldiniz",
        "Gelmeden önce randevu alın. Daha fazlası için kodu tarayın.",
    ),
}


class SignFactory(factory.django.DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Borgerservice, indgang {n}")
    headline = "Velkommen til Borgerservice"
    message = "Book en tid, før du kommer. Scan koden og læs mere på dit eget sprog."
    size = "a4-portrait"
    pictogram = "id-card"
    code = factory.Sequence(lambda n: f"borgerservice-{n}")
    languages = "da, en, ar, ur"
    locale = factory.LazyFunction(lambda: Locale.objects.get(language_code="da"))

    class Meta:
        model = Sign


def translate_sign(sign, code, headline=None, message=None):
    """A published ``code`` version of ``sign``."""
    translation = sign.copy_for_translation(Locale.objects.get(language_code=code))
    default_headline, default_message = TRANSLATIONS.get(code, (sign.headline, sign.message))
    translation.headline = headline or default_headline
    translation.message = message or default_message
    translation.save()
    return translation
