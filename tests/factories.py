"""Factories for tests: small, explicit, one object each."""

import factory
import wagtail_factories
from wagtail.models import Locale, Page, Site

from welcome.pages.models import HomePage, TopicPage

TOPIC_BODY = [
    {"type": "heading", "value": "Sådan gør du"},
    {"type": "paragraph", "value": '<p>Book en tid på <a href="https://www.kk.dk">kk.dk</a>.</p>'},
    {
        "type": "steps",
        "value": {
            "heading": "Trin",
            "steps": [
                {"title": "Book en tid", "text": "Ring til os."},
                {"title": "Mød op", "text": ""},
            ],
        },
    },
    {
        "type": "contact",
        "value": {
            "name": "Borgerservice",
            "address": "Gyldenløvesgade 11\n1600 København V",
            "phone": "+45 33 66 33 66",
            "email": "borgerservice@kk.dk",
            "website": "https://www.kk.dk",
            "opening_hours": [
                {"first_day": "0", "last_day": "4", "opens": "10:00", "closes": "15:00"}
            ],
            "note": "Husk at booke en tid.",
        },
    },
    {
        "type": "call_to_action",
        "value": {"label": "Book en tid", "page": None, "url": "https://www.kk.dk"},
    },
]


class HomePageFactory(wagtail_factories.PageFactory):
    title = "Velkommen til København"
    slug = "velkommen"
    hero_text = "Her finder du det, du skal gøre i dine første uger."

    class Meta:
        model = HomePage


class TopicPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Emne {n}")
    slug = factory.Sequence(lambda n: f"emne-{n}")
    intro = "Dit CPR-nummer er dit personnummer i Danmark."
    body = TOPIC_BODY

    class Meta:
        model = TopicPage


def publish(page):
    """Publish ``page`` as an editor would (a revision) and return it as now stored."""
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def make_home():
    """A published Danish home page as the default site's root."""
    home = HomePageFactory(
        parent=Page.get_first_root_node(), locale=Locale.objects.get(language_code="da")
    )
    publish(home)
    site = Site.objects.get(is_default_site=True)
    site.root_page = home
    site.save()
    return home


def translate(page, code, **changes):
    """Publish a ``code`` translation of ``page`` whose title ends in `` [code]``."""
    locale = Locale.objects.get(language_code=code)
    translation = page.copy_for_translation(locale).specific
    translation.title = f"{page.title} [{code}]"
    for name, value in changes.items():
        setattr(translation, name, value)
    return publish(translation)
