"""Demo welcome site: a Danish home page and six topics, translated into every active language.

The Danish source is ``content/da.json``; each other language has a file of the same shape whose
text replaces the Danish text leaf by leaf. Facts (addresses, phone numbers, opening hours, links)
always come from the Danish file, as the field policy of the page types says.
"""

import json
from pathlib import Path

from wagtail.models import Locale, Page, Site

from welcome.core import demo
from welcome.core.demo import prepared_stream, publish, translate
from welcome.languages import registry

from .models import HomePage, TopicPage

CONTENT_DIR = Path(__file__).parent / "content"


def read_content(code):
    path = CONTENT_DIR / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def source_home(data, log):
    """The Danish home page, made the default site's root on first run."""
    site = Site.objects.get(is_default_site=True)
    if isinstance(site.root_page.specific, HomePage):
        return site.root_page.specific
    root = Page.get_first_root_node()
    home = HomePage(
        title=data["title"],
        slug="velkommen",
        hero_text=data["hero_text"],
        search_description=data["search_description"],
        locale=Locale.objects.get(language_code=registry.source().code),
    )
    root.add_child(instance=home)
    publish(home)
    placeholder = site.root_page
    site.root_page = home
    site.save()
    if placeholder.depth == 2 and not placeholder.get_children().exists():
        placeholder.delete()
    log(f"Created the Danish home page “{home.title}”.")
    return home


def source_topic(home, data, log):
    existing = TopicPage.objects.child_of(home).filter(slug=data["slug"]).first()
    if existing:
        return existing
    topic = TopicPage(
        title=data["title"],
        slug=data["slug"],
        icon=data["icon"],
        intro=data["intro"],
        search_description=data["search_description"],
        body=prepared_stream(TopicPage.body.field.stream_block, data["body"]),
    )
    home.add_child(instance=topic)
    publish(topic)
    log(f"Created the Danish topic “{topic.title}”.")
    return topic


@demo.loader(order=10)
def load_pages(log):
    source = read_content(registry.source().code)
    home = source_home(source["home"], log)
    topics = [source_topic(home, data, log) for data in source["topics"]]
    if not home.featured_topics:
        by_slug = {topic.slug: topic for topic in topics}
        home.featured_topics = [
            ("topic", by_slug[slug]) for slug in source["home"]["featured_topics"]
        ]
        publish(home)
    for code in registry.active_codes():
        if code == registry.source().code:
            continue
        content = read_content(code)
        if content is None:
            log(f"No demo content for {code}: its pages fall back to English or Danish.")
            continue
        translate(home, content["home"], code, log)
        for topic, data in zip(topics, content["topics"], strict=True):
            translate(topic, data, code, log)
