"""Demo leaflets: “Welcome to Copenhagen – your first days” and “Learn Danish”, under a leaflet list
on the home page, in every active language.

The Danish source is ``content/da.json``; each other language has a file of the same shape whose
text replaces the Danish text leaf by leaf, while facts (addresses, phone numbers, opening hours,
links, edition) come from the Danish file. A language whose home page is not live (the welcome
pages' demo translates it, order 10) gets no leaflets: readers see the Danish or English ones.
"""

import json
from pathlib import Path

from wagtail.models import Site

from welcome.core import demo
from welcome.core.demo import is_live_in, source_child, translate
from welcome.languages import registry

from .models import LeafletIndexPage, LeafletPage

CONTENT_DIR = Path(__file__).parent / "content"


def read_content(code):
    path = CONTENT_DIR / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def home_page():
    return Site.objects.get(is_default_site=True).root_page.specific


@demo.loader(order=20)
def load_leaflets(log):
    source = read_content(registry.source().code)
    home = home_page()
    index = source_child(home, LeafletIndexPage, log, **source["index"])
    leaflets = [source_child(index, LeafletPage, log, **data) for data in source["leaflets"]]
    for code in registry.active_codes():
        if code == registry.source().code:
            continue
        content = read_content(code)
        if content is None:
            log(f"No demo leaflets for {code}: they fall back to English or Danish.")
            continue
        if not is_live_in(home, code):
            log(f"No home page in {code}: its leaflets fall back to English or Danish.")
            continue
        translate(index, content["index"], code, log)
        for leaflet, data in zip(leaflets, content["leaflets"], strict=True):
            translate(leaflet, data, code, log)
