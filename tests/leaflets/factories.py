import factory
import wagtail_factories

from welcome.leaflets.models import LeafletIndexPage, LeafletPage

from ..factories import publish

LEAFLET_SECTIONS = [
    {
        "type": "section",
        "value": {
            "heading": "Velkommen",
            "text": "<p>Her er det vigtigste for dine første dage i København.</p>",
        },
    },
    {
        "type": "checklist",
        "value": {"heading": "Tag med", "items": ["Pas", "Lejekontrakt"]},
    },
    {
        "type": "first_days",
        "value": {
            "heading": "Dine første dage",
            "steps": [
                {"title": "Registrer din adresse", "text": "Book en tid hos Borgerservice."},
                {"title": "Find en læge", "text": ""},
            ],
        },
    },
    {
        "type": "contact",
        "value": {
            "name": "Borgerservice",
            "address": "Nyropsgade 1\n1602 København V",
            "phone": "+45 33 66 33 66",
            "email": "",
            "website": "https://www.kk.dk",
            "opening_hours": [
                {"first_day": "0", "last_day": "4", "opens": "10:00", "closes": "15:00"}
            ],
            "note": "",
        },
    },
    {
        "type": "opening_hours",
        "value": {
            "place": "Hovedbiblioteket",
            "periods": [{"first_day": "0", "last_day": "6", "opens": "08:00", "closes": "22:00"}],
            "note": "Lukket på helligdage.",
        },
    },
]


class LeafletIndexPageFactory(wagtail_factories.PageFactory):
    title = "Pjecer"
    slug = "pjecer"
    intro = "Pjecer om livet i København."

    class Meta:
        model = LeafletIndexPage


class LeafletPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Velkommen til København {n}")
    slug = factory.Sequence(lambda n: f"pjece-{n}")
    intro = "Det vigtigste for nye københavnere."
    audience = "Nye københavnere"
    edition = "2025-1"
    sections = LEAFLET_SECTIONS

    class Meta:
        model = LeafletPage


def make_leaflet(home, **kwargs):
    index = publish(LeafletIndexPageFactory(parent=home))
    return index, publish(LeafletPageFactory(parent=index, **kwargs))
