"""Demo signs: Borgerservice, the main library and the job centre, each in every active language.

``content/signs.json`` holds each sign's facts (code, size, pictogram, printed languages, target
page as a path under the home page) and its headline and message per language.
"""

import json
from pathlib import Path

from wagtail.models import Locale, Page, Site

from welcome.core import demo
from welcome.languages import registry

from .models import Sign

CONTENT = Path(__file__).parent / "content" / "signs.json"
FACTS = ("code", "name", "placement", "size", "pictogram", "languages")


def target_page(path):
    """The Danish page at ``path`` under the home page, if the demo site has it."""
    home = Site.objects.get(is_default_site=True).root_page
    return Page.objects.filter(url_path=f"{home.url_path}{path.strip('/')}/").first()


def publish(sign):
    sign.full_clean()
    sign.save()
    sign.save_revision().publish()
    return sign


def source_sign(data, log):
    locale = Locale.objects.get(language_code=registry.source().code)
    existing = Sign.objects.filter(code=data["code"], locale=locale).first()
    if existing is not None:
        return existing
    headline, message = data["texts"][locale.language_code]
    sign = Sign(
        locale=locale,
        headline=headline,
        message=message,
        target_page=target_page(data["target"]),
        **{name: data[name] for name in FACTS},
    )
    log(f"Created the Danish sign “{sign.name}”.")
    return publish(sign)


def translate_sign(sign, code, texts, log):
    locale = Locale.objects.get(language_code=code)
    if sign.get_translation_or_none(locale) is not None:
        return
    translation = sign.copy_for_translation(locale)
    translation.headline, translation.message = texts
    publish(translation)
    log(f"Published the sign “{sign.name}” ({code}).")


@demo.loader(order=40)
def load_signs(log):
    for data in json.loads(CONTENT.read_text(encoding="utf-8"))["signs"]:
        sign = source_sign(data, log)
        for code in registry.active_codes():
            if code == sign.locale.language_code:
                continue
            if code not in data["texts"]:
                log(f"No demo text for the sign “{sign.name}” in {code}.")
                continue
            translate_sign(sign, code, data["texts"][code], log)
