"""Demo: the translation engine's view of the demo site.

The demo translations (loaded by each app's demo as native Wagtail translations) are recorded as
approved units, so the queue and the overview start from the truth. On the first load a realistic
mix is staged on top, as a few weeks of work would leave it: the Danish CPR page changed its
registration deadline after it was translated into Arabic (an outdated, critical unit, and a
reworded, non-critical one: the public Arabic page shows the notice), the Urdu MitID page waits for
review, the Polish Danish-lessons page has drafts, and open requests sit in the queue. A new
Danish page on waste sorting is being written (a draft, so the public site does not show it yet):
it is missing in every language and already requested in Arabic, Somali and Ukrainian. Idempotent:
running it again changes nothing.
"""

from django.utils import timezone
from wagtail.models import Locale

from welcome.core import demo
from welcome.core.demo import prepared_stream
from welcome.pages.models import TopicPage

from . import registry, segments, services, setup
from .models import Priority, TranslationRequest, Unit, UnitState


def record_existing_translations():
    """Approved units for every live translation of every live source object. Returns how many
    units were made."""
    made = 0
    source = registry.source_locale()
    locales = list(Locale.objects.exclude(pk=source.pk))
    for model in registry.translatable_models():
        objects = model.objects.filter(locale=source)
        if hasattr(model, "live"):
            objects = objects.filter(live=True)
        for obj in objects:
            translated = {t.locale_id for t in obj.get_translations() if getattr(t, "live", True)}
            for locale in locales:
                if locale.pk in translated:
                    made += services.ensure_units(obj, locale)
    return made


def _topic(slug):
    return TopicPage.objects.filter(locale__language_code="da", slug=slug).first()


def _units(page, code, **filters):
    locale = Locale.objects.get(language_code=code)
    return services.units_for(page, locale).filter(**filters)


def stage_outdated_arabic(log):
    page = _topic("adresse-og-cpr-nummer")
    if page is None:
        return
    now = timezone.now()
    units = list(_units(page, "ar", state=UnitState.APPROVED))
    deadline = next((u for u in units if "5 dage" in u.source_text), None)
    if deadline is not None:
        # The Danish page used to say 7 days: the Arabic translation still does.
        deadline.previous_source = deadline.source_text.replace("5 dage", "7 dage")
        deadline.previous_target = deadline.approved_text
        deadline.approved_hash = segments.segment_hash(deadline.previous_source, deadline.markup)
        deadline.state, deadline.critical, deadline.updated_at = UnitState.OUTDATED, True, now
        deadline.version += 1
        deadline.save()
    reworded = next((u for u in units if u.key == "intro"), None)
    if reworded is not None:
        reworded.previous_source = reworded.source_text.replace(". ", ", og ", 1)
        reworded.previous_target = reworded.approved_text
        reworded.approved_hash = segments.segment_hash(reworded.previous_source, reworded.markup)
        reworded.state, reworded.updated_at = UnitState.OUTDATED, now
        reworded.version += 1
        reworded.save()
    log("Staged outdated Arabic units (one critical) on the CPR page.")


def stage_work_in_progress(log):
    mitid = _topic("mitid-og-digital-post")
    if mitid is not None:
        for unit in _units(mitid, "ur", state=UnitState.APPROVED)[:3]:
            unit.state = UnitState.REVIEW
            unit.version += 1
            unit.save()
        _request(mitid, "ur", Priority.HIGH)
    lessons = _topic("laer-dansk")
    if lessons is not None:
        for unit in _units(lessons, "pl", state=UnitState.APPROVED)[:2]:
            unit.state, unit.target_text = UnitState.DRAFT, unit.approved_text + " (?)"
            unit.version += 1
            unit.save()
        _request(lessons, "pl", Priority.NORMAL)
    cpr = _topic("adresse-og-cpr-nummer")
    if cpr is not None:
        _request(cpr, "ar", Priority.URGENT)
    log("Staged work in progress: Urdu in review, Polish drafts, open requests.")


def _request(page, code, priority):
    TranslationRequest.objects.get_or_create(
        content_type=registry.content_type_of(page),
        translation_key=page.translation_key,
        locale=Locale.objects.get(language_code=code),
        defaults={"title": page.title, "priority": priority},
    )


NEW_TOPIC = {
    "title": "Affald og genbrug",
    "slug": "affald-og-genbrug",
    "intro": "Sorter dit affald i gården. Storskrald hentes hver anden uge.",
    "body": [
        {"type": "heading", "value": "Sådan sorterer du"},
        {
            "type": "paragraph",
            "value": "<p>Se hvad der skal i hvilken container på "
            '<a href="https://www.kk.dk/affald">kk.dk/affald</a>.</p>',
        },
    ],
}


def new_topic_being_written(log):
    """A Danish draft page, requested in three languages (created once)."""
    home = TopicPage.objects.filter(locale__language_code="da").first()
    home = home.get_parent() if home else None
    if home is None or TopicPage.objects.filter(slug=NEW_TOPIC["slug"]).exists():
        return
    data = dict(NEW_TOPIC)
    data["body"] = prepared_stream(TopicPage.body.field.stream_block, data["body"])
    page = TopicPage(live=False, **data)
    home.add_child(instance=page)
    page.save_revision()
    for code in ("ar", "so", "uk"):
        services.ensure_units(page, Locale.objects.get(language_code=code))
        _request(page, code, Priority.LOW)
    log("Created a Danish draft page on waste sorting, requested in three languages.")


@demo.loader(order=90)
def load_translation_state(log):
    setup.ensure_all()
    first_time = not Unit.objects.exists()
    made = record_existing_translations()
    if made:
        log(f"Recorded {made} approved translation units of the demo translations.")
    if first_time and made:
        stage_outdated_arabic(log)
        stage_work_in_progress(log)
    new_topic_being_written(log)
