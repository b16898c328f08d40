"""XSS sweep: a payload in every text field of every content model (found by walking the models
of the ``welcome`` apps: pages of each type, StreamField text blocks, signs, films and their
transcripts, practices, challenges, taxonomy labels in every language column) on the demo site;
then public pages, admin listings and edit views, reports, feeds, the sitemap and the practices API
are fetched, and the payload must appear only escaped.

The translation engine's and reader feedback's views are checked on work made for the purpose
(``poisoned_work``): an Arabic unit whose source and target hold the payload (outdated and
critical, so the diff and the officers' dashboard panel show it too), an Arabic request whose
note holds it, a reader's feedback comment, and a missed-language row for the poisoned topic.
The demand report's CSV is not HTML: there the check is that no cell starts a spreadsheet formula.

More views are one line in PUBLIC_URLS / ADMIN_URLS / WORK_URLS.
"""

import csv
import html
import io

import pytest
from django.apps import apps
from django.core.management import call_command
from django.db import models
from django.urls import reverse
from django.utils import timezone
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page, RevisionMixin
from wagtail.snippets.models import get_snippet_models

from welcome.core.demo import prepared_stream
from welcome.feedback.models import Feedback, Kind, PageDemand
from welcome.translation import registry as translation_registry
from welcome.translation import services as translation_services
from welcome.translation.models import Unit, UnitState

PAYLOAD = "<script>alert(1)</script>\"'><img src=x onerror=alert(1)>"
SHORT_PAYLOAD = "<img src=x onerror=alert(1)>"
RAW = ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>")
ESCAPED = ("&lt;script&gt;alert(1)&lt;/script&gt;", "&lt;img src=x onerror=alert(1)&gt;")
# Structured text that is not prose: codes, language lists, addresses other fields are made of.
NOT_PROSE = {
    "code",
    "languages",
    "slug",
    "path",
    "url_path",
    "draft_title",
    "source_url",
    "stream_url",
    # The translation engine's segment keys and hashes, and language codes readers asked for.
    "key",
    "source_hash",
    "approved_hash",
    "language",
    "content_language",
}
# Views that show no content text (only addresses, or counts): the payload must not appear raw.
NO_TEXT = {"/sitemap.xml", "/admin/", "/admin/reports/locked/"}

PUBLIC_URLS = [
    "/{code}/",
    "/{code}/adresse-og-cpr-nummer/",
    "/{code}/pjecer/velkommen-til-koebenhavn/",
    "/{code}/pjecer/velkommen-til-koebenhavn/print/",
    "/{code}/film/velkommen-til-koebenhavn/",
    "/{code}/practices/",
    "/{code}/practices/dag-1-velkomstpakke/",
    "/{code}/practices/feed/",
    "/{code}/search/?q=alert",
    "/signs/borgerservice/print/",
    "/sitemap.xml",
    "/api/practices/?lang={code}&page=1",  # JSON: the payload is data, checked as such
    # "/{code}/feedback/thanks/",  # with welcome.feedback
]
ADMIN_URLS = [
    "/admin/",
    "/admin/pages/search/?q=alert",
    "/admin/reports/site-history/",
    "/admin/reports/aging-pages/",
    "/admin/reports/locked/",
    "/admin/reports/page-types-usage/",
]
# On ``poisoned_work`` (names resolved there): view name or path, and whether the payload must
# be shown (escaped) there.
WORK_URLS = [
    ("editor", True),  # the translation editor: source, target, previous source (diff)
    ("/admin/translation/?language=ar", True),  # the queue: the request's object and note
    ("/admin/translation/overview/?language=ar", True),  # the coverage report
    ("/admin/feedback/", True),  # the inbox
    ("feedback", True),  # one feedback's detail
    ("/admin/feedback/demand/", True),  # where readers miss their language
    ("/admin/", True),  # the dashboard: the officers' overview panel (critical outdated)
    # SLOT: PO export (issue 4, on another branch). When it lands, add its URL here as
    # ("po_export", True) with a resolver in ``work_url``, and check in a test of its own that
    # the payload comes back in the PO file as data (msgid/msgstr), with a text/x-gettext
    # content type and ``attachment`` disposition, never rendered as HTML.
]


def poisoned_text(field):
    if isinstance(field, RichTextField):
        return f"<p>{html.escape(PAYLOAD)}</p>"
    limit = getattr(field, "max_length", None)
    if limit is None or limit >= len(PAYLOAD):
        return PAYLOAD
    return SHORT_PAYLOAD if limit >= len(SHORT_PAYLOAD) else None


def poison_block(block, value):
    """The StreamField JSON ``value`` of ``block`` with every free text leaf set to the payload."""
    if isinstance(block, blocks.StructBlock):
        return {
            name: poison_block(child, (value or {}).get(name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": poison_block(block.child_block, item["value"])}
            if isinstance(item, dict) and "value" in item
            else poison_block(block.child_block, item)
            for item in value or []
        ]
    if isinstance(block, blocks.StreamBlock):
        return [
            {**child, "value": poison_block(block.child_blocks[child["type"]], child["value"])}
            for child in value or []
        ]
    if isinstance(block, blocks.RichTextBlock):
        return f"<p>{html.escape(PAYLOAD)}</p>"
    if isinstance(block, (blocks.CharBlock, blocks.TextBlock)):
        limit = block.field.max_length
        if limit is None or limit >= len(PAYLOAD):
            return PAYLOAD
        return SHORT_PAYLOAD if limit >= len(SHORT_PAYLOAD) else value
    return value


def text_fields(model):
    for field in model._meta.concrete_fields:
        if not field.editable or field.name in NOT_PROSE or field.choices:
            continue
        if isinstance(field, StreamField) or is_plain_text(field):
            yield field


def is_plain_text(field):
    return isinstance(field, (models.CharField, models.TextField)) and not isinstance(
        field, (models.SlugField, models.URLField, models.EmailField)
    )


def unique_field_names(model):
    """Fields whose value must differ between rows (alone or together with others)."""
    names = {field.name for field in model._meta.concrete_fields if field.unique}
    for constraint in model._meta.constraints:
        names.update(getattr(constraint, "fields", ()))
    for together in model._meta.unique_together:
        names.update(together)
    return names


def poison(obj):
    """Set every text field of ``obj`` (its specific model's fields, Wagtail's page fields
    included) to the payload; returns the field names. A field that must be unique gets the
    payload followed by the row's key, where it fits."""
    changed = []
    unique = unique_field_names(type(obj))
    for field in text_fields(type(obj)):
        if isinstance(field, StreamField):
            raw = prepared_stream(field.stream_block, getattr(obj, field.name))
            setattr(obj, field.name, poison_block(field.stream_block, raw))
        else:
            value = poisoned_text(field)
            if value is None:
                continue
            if field.name in unique:
                value = f"{value}#{obj.pk}"
                if field.max_length is not None and len(value) > field.max_length:
                    continue
            setattr(obj, field.name, value)
        changed.append(field.name)
    if isinstance(getattr(obj, "cues", None), list):  # subtitle cues: the transcripts' text
        obj.cues = [{**cue, "text": PAYLOAD} for cue in obj.cues]
        changed.append("cues")
    return changed


def content_models():
    return [
        model
        for model in apps.get_models()
        if model.__module__.startswith("welcome.") and not model._meta.auto_created
    ]


@pytest.fixture(scope="module")
def poisoned_site(module_transaction):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    poisoned = {}
    for model in content_models():
        for obj in model.objects.all():
            names = poison(obj)
            if not names:
                continue
            poisoned[model._meta.label] = names
            if isinstance(obj, Page):
                obj.save_revision().publish()
            else:
                obj.save()
                if isinstance(obj, RevisionMixin):
                    obj.save_revision()
    return poisoned


def strings(data):
    """Every string value in decoded JSON."""
    if isinstance(data, dict):
        return [s for value in data.values() for s in strings(value)]
    if isinstance(data, list):
        return [s for value in data for s in strings(value)]
    return [data] if isinstance(data, str) else []


def assert_escaped(response, url):
    body = response.content.decode(errors="replace")
    raw = [marker for marker in RAW if marker in body]
    assert raw == [], f"{url}: unescaped {raw}"
    return body


pytestmark = pytest.mark.django_db


def test_every_kind_of_content_carries_the_payload(poisoned_site):
    """The sweep reaches every content model the sweep is about (not just some)."""
    labels = set(poisoned_site)
    for label in (
        "pages.HomePage",
        "pages.TopicPage",
        "leaflets.LeafletPage",
        "videos.VideoPage",
        "videos.Video",
        "videos.SubtitleTrack",
        "signs.Sign",
        "practices.PracticePage",
        "practices.Challenge",
        "practices.Department",
        "practices.FocusArea",
        "practices.Channel",
        "practices.TargetGroup",
    ):
        assert label in labels, label
    assert "name_ar" in poisoned_site["practices.Department"]


@pytest.mark.parametrize("code", ["da", "ar"])
@pytest.mark.parametrize("template", PUBLIC_URLS)
def test_public_views_escape_the_payload(poisoned_site, client, code, template):
    url = template.format(code=code)
    if "{code}" not in template and code != "da":
        pytest.skip("language-independent view, checked once")

    response = client.get(url)

    assert response.status_code == 200, url
    if url.startswith("/api/"):
        # JSON, never sniffed as HTML: the payload comes back as the data it is.
        assert response["Content-Type"].startswith("application/json")
        assert response["X-Content-Type-Options"] == "nosniff"
        assert PAYLOAD in strings(response.json())
        return
    body = assert_escaped(response, url)
    if url not in NO_TEXT:
        assert any(marker in body for marker in ESCAPED), f"{url}: the payload is not shown"


def admin_urls(poisoned):
    """Listings of every snippet model and an edit view of those with text (``poisoned``: model
    labels), an edit view of every page type and its parent's listing."""
    urls = list(ADMIN_URLS)
    for model in get_snippet_models():
        obj = model.objects.order_by("pk").first()
        urls.append(model.snippet_viewset.get_url_name("list"))
        if obj is not None and model._meta.label in poisoned:
            urls.append((model.snippet_viewset.get_url_name("edit"), obj.pk))
    seen = set()
    for page in Page.objects.specific().filter(depth__gt=1).order_by("path"):
        if type(page) in seen:
            continue
        seen.add(type(page))
        urls.append(f"/admin/pages/{page.pk}/edit/")
        urls.append(f"/admin/pages/{page.get_parent().pk}/")
    return urls


def test_admin_views_escape_the_payload(poisoned_site, admin_client):
    from django.urls import reverse

    checked = 0
    for entry in admin_urls(poisoned_site):
        if isinstance(entry, tuple):
            url = reverse(entry[0], args=[entry[1]])
        elif entry.startswith("/"):
            url = entry
        else:
            url = reverse(entry)
        response = admin_client.get(url)
        assert response.status_code == 200, url
        body = assert_escaped(response, url)
        if "/edit/" in url:  # an edit form shows every text field (listings may show none)
            assert "alert(1)" in body, f"{url}: the payload is not shown"
        checked += 1
    assert checked > 20


# --- translation engine and reader feedback ----------------------------------------------------


@pytest.fixture(scope="module")
def poisoned_work(poisoned_site):
    topic = Page.objects.get(
        url_path__endswith="/adresse-og-cpr-nummer/", locale__language_code="da"
    )
    translation_services.request_translation(topic, ["ar"], requested_by=None, note=PAYLOAD)
    unit = Unit.objects.filter(
        translation_key=topic.translation_key, locale__language_code="ar"
    ).first()
    unit.source_text = unit.target_text = unit.previous_target = PAYLOAD
    unit.previous_source = "Ring 3366 3366"
    unit.state, unit.critical = UnitState.OUTDATED, True
    unit.save()
    feedback = Feedback.objects.create(
        page=topic,
        language="ar",
        content_language="da",
        kind=Kind.TRANSLATION_UNCLEAR,
        comment=PAYLOAD,
    )
    PageDemand.objects.create(
        day=timezone.localdate(),
        translation_key=topic.translation_key,
        language="ar",
        views=4,
        missed_picker=3,
    )
    return {
        "editor": reverse(
            "translation:editor",
            args=[translation_registry.content_type_of(topic).pk, topic.translation_key, "ar"],
        ),
        "feedback": reverse("feedback_admin:detail", args=[feedback.pk]),
        "topic": topic,
    }


@pytest.mark.parametrize(("entry", "shows_payload"), WORK_URLS)
def test_translation_and_feedback_views_escape_the_payload(
    poisoned_work, admin_client, entry, shows_payload
):
    url = poisoned_work.get(entry, entry)

    response = admin_client.get(url)

    assert response.status_code == 200, url
    body = assert_escaped(response, url)
    if shows_payload:
        assert any(marker in body for marker in ESCAPED), f"{url}: the payload is not shown"


FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


@pytest.mark.parametrize("start", FORMULA_STARTS)
def test_the_demand_csv_starts_no_cell_with_a_formula(poisoned_work, admin_client, start):
    title = f'{start}HYPERLINK("http://evil.example","x"){PAYLOAD}'
    Page.objects.filter(translation_key=poisoned_work["topic"].translation_key).update(title=title)

    response = admin_client.get("/admin/feedback/demand/?format=csv")

    assert response["Content-Type"].startswith("text/csv")
    assert response["Content-Disposition"].startswith("attachment;")
    rows = list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))
    cells = [cell for row in rows[1:] for cell in row]
    assert f"'{title}" in cells  # the title is kept, quoted for spreadsheets
    assert [cell for cell in cells if cell[:1] in FORMULA_STARTS] == []
