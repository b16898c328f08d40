"""Demo library: ten practices drawn from the City's source documents and five challenges.

``content/da.json`` is the Danish source (with facts, taxonomy codes, challenges and adoptions);
``content/en.json`` translates every text; the other languages translate the library page and each
practice's title and summary, and their pages point readers to the full description in English.
A language gets its library once its home page is live (the welcome pages' demo provides it).
"""

import json
from pathlib import Path

from wagtail.models import Locale, Page, Site

from welcome.core import demo
from welcome.core.translatable import translatable_field_names
from welcome.languages import registry
from welcome.pages.models import HomePage

from .models import (
    Adoption,
    Challenge,
    ChallengePage,
    ChallengePractice,
    Channel,
    Department,
    FocusArea,
    Goal,
    PracticeIndexPage,
    PracticePage,
    RelatedPractice,
    TargetGroup,
    UsedLanguage,
)
from .setup import ensure_library_setup

CONTENT_DIR = Path(__file__).parent / "content"
TAXONOMIES = {
    "departments": Department,
    "focus_areas": FocusArea,
    "goals": Goal,
    "channels": Channel,
    "target_groups": TargetGroup,
}


def read_content(code):
    path = CONTENT_DIR / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def publish(page):
    page.save_revision().publish()
    return page


def source_library(home, data, log):
    library = PracticeIndexPage.objects.child_of(home).first()
    if library is None:
        library = PracticeIndexPage(
            title=data["title"],
            slug=data["slug"],
            intro=data["intro"],
            search_description=data["search_description"],
        )
        home.add_child(instance=library)
        publish(library)
        log(f"Created the good-practice library “{library.title}”.")
    return library


def by_slug(model, slugs):
    found = {item.slug: item for item in model.objects.filter(slug__in=slugs)}
    return [found[slug] for slug in slugs]


def source_practice(library, data, log):
    existing = PracticePage.objects.child_of(library).filter(slug=data["slug"]).first()
    if existing:
        return existing
    practice = PracticePage(
        title=data["title"],
        slug=data["slug"],
        summary=data["summary"],
        challenge=data["challenge"],
        what_was_done=data["what_was_done"],
        results=data["results"],
        key_figures=[("figure", {"value": v, "label": label}) for v, label in data["key_figures"]],
        cost_dkk=data["cost_dkk"],
        cost_note=data["cost_note"],
        department=Department.objects.get(slug=data["department"]),
        contact_role=data["contact_role"],
        status=data["status"],
        visibility=data["visibility"],
        started_on=data["started_on"],
        ended_on=data["ended_on"],
    )
    for name, model in TAXONOMIES.items():
        getattr(practice, name).set(by_slug(model, data[name]))
    practice.languages.set(UsedLanguage.objects.filter(code__in=data["languages"]))
    library.add_child(instance=practice)
    publish(practice)
    log(f"Created the practice “{practice.title}”.")
    return practice


def link_related(practices, content):
    for data in content:
        practice = practices[data["key"]]
        if practice.related_links.exists():
            continue
        practice.related_links = [
            RelatedPractice(practice=practices[key]) for key in data["related"]
        ]
        publish(practice)


def translated_text(source, data):
    """The translatable fields of ``source`` in another language: what ``data`` has, empty
    otherwise (a reader is pointed to the full description in a fallback language)."""
    values = {}
    for name in translatable_field_names(PracticePage):
        if name == "key_figures":
            figures = data.get("key_figures", [])
            values[name] = [("figure", {"value": v, "label": label}) for v, label in figures]
        else:
            values[name] = data.get(name, "")
    return values


def translate(page, code, values, log):
    """Publish the ``code`` version of ``page`` with ``values``; a live one is left alone."""
    locale = Locale.objects.get(language_code=code)
    existing = page.get_translation_or_none(locale)
    if existing is not None and existing.live:
        return existing.specific
    translation = (existing or page.copy_for_translation(locale)).specific
    for name, value in values.items():
        setattr(translation, name, value)
    publish(translation)
    log(f"Published “{translation.title}” ({code}).")
    return translation


def translate_library(library, practices, code, log):
    content = read_content(code)
    if content is None:
        log(f"No demo library content for {code}.")
        return
    home = library.get_parent()
    if not Page.objects.live().filter(
        translation_key=home.translation_key, locale__language_code=code
    ):
        log(f"No live home page in {code} yet: its readers get the library in English or Danish.")
        return
    translate(library, code, content["library"], log)
    for key, practice in practices.items():
        data = content["practices"].get(key)
        if data is not None:
            translate(practice, code, translated_text(practice, data), log)


def load_challenges(challenges, practices, log):
    for data in challenges:
        if Challenge.objects.filter(title=data["title"]).exists():
            continue
        challenge = Challenge(
            title=data["title"],
            description=data["description"],
            source=data["source"],
            source_department=(
                Department.objects.get(slug=data["source_department"])
                if data["source_department"]
                else None
            ),
            severity=data["severity"],
            status=data["status"],
            reported_on=data["reported_on"],
        )
        challenge.languages.set(UsedLanguage.objects.filter(code__in=data["languages"]))
        challenge.target_groups.set(by_slug(TargetGroup, data["target_groups"]))
        challenge.practice_links = [
            ChallengePractice(practice=practices[key]) for key in data["practices"]
        ]
        challenge.page_links = [ChallengePage(page=page) for page in data.get("pages", [])]
        challenge.save()
        log(f"Registered the challenge “{challenge.title}”.")


def load_adoptions(adoptions, practices):
    for data in adoptions:
        Adoption.objects.get_or_create(
            practice_key=practices[data["practice"]].translation_key,
            department=Department.objects.get(slug=data["department"]),
            defaults={"note": data["note"]},
        )


@demo.loader(order=40)
def load_practices(log):
    home = Site.objects.get(is_default_site=True).root_page.specific
    if not isinstance(home, HomePage):
        log("No welcome home page: the good-practice library is not loaded.")
        return
    source = read_content(registry.source().code)
    library = source_library(home, source["library"], log)
    ensure_library_setup()
    practices = {data["key"]: source_practice(library, data, log) for data in source["practices"]}
    link_related(practices, source["practices"])
    load_challenges(source["challenges"], practices, log)
    load_adoptions(source["adoptions"], practices)
    for code in registry.active_codes():
        if code != registry.source().code:
            translate_library(library, practices, code, log)
