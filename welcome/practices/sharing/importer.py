"""Loading another city's export as external practices, with attribution.

All or nothing: every page of the export is read and checked first, then everything is written in
one transaction; any problem leaves the library as it was. Running the same import again updates
the practices it created (matched by the publisher's name and the practice id) instead of adding
copies. The other city's departments, focus areas and goals are its own, so they are kept as
attribution text, not mapped; channels, target groups and languages are mapped by code.
"""

from dataclasses import dataclass, field
from urllib.parse import urlsplit

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.text import slugify
from wagtail.coreutils import find_available_slug
from wagtail.models import Locale
from wagtail.whitelist import Whitelister, allow_without_attributes, attribute_rule, check_url

from welcome.languages import registry

from ..models import (
    Channel,
    PracticeIndexPage,
    PracticePage,
    RelatedPractice,
    TargetGroup,
    UsedLanguage,
    Visibility,
)
from ..models.pages import PracticeAttachment
from ..models.taxonomy import validate_language_code
from . import fetch, validation
from .validation import DocumentError

MAX_PAGES = 200


def _safe_href(url):
    url = check_url(url)
    if url is None or urlsplit(url.strip()).scheme not in {"http", "https", "mailto"}:
        return None
    return url


class RichTextCleaner(Whitelister):
    """Only the markup the library's editors can write themselves survives."""

    element_rules = {
        "[document]": allow_without_attributes,
        "p": allow_without_attributes,
        "br": allow_without_attributes,
        "b": allow_without_attributes,
        "strong": allow_without_attributes,
        "i": allow_without_attributes,
        "em": allow_without_attributes,
        "ul": allow_without_attributes,
        "ol": allow_without_attributes,
        "li": allow_without_attributes,
        "a": attribute_rule({"href": _safe_href}),
    }


@dataclass
class ImportReport:
    publisher: str
    language: str
    created: list = field(default_factory=list)
    updated: list = field(default_factory=list)
    unmapped: dict = field(default_factory=dict)


def read_export(source, *, timeout=None, max_bytes=None):
    """The documents of an export: one file, or an API address whose pages are followed (same
    site only). Every document is checked against the schema. Raises :class:`DocumentError`."""
    timeout = timeout or settings.WELCOME_PRACTICES_IMPORT_TIMEOUT
    max_bytes = max_bytes or settings.WELCOME_PRACTICES_IMPORT_MAX_BYTES
    documents, seen, address = [], set(), source
    while address and len(documents) < MAX_PAGES:
        seen.add(address)
        document = validation.check(
            validation.parse_json(fetch.read(address, timeout=timeout, max_bytes=max_bytes))
        )
        documents.append(document)
        address = document.get("next") if fetch.is_url(source) else None
        if address and (address in seen or urlsplit(address).netloc != urlsplit(source).netloc):
            raise DocumentError([f"Refused to follow “next” to {address[:100]!r}."])
    if address:
        raise DocumentError([f"The export has more than {MAX_PAGES} pages."])
    return documents


def check_consistency(documents):
    """What the schema cannot say: one language and publisher, active here; ids unique; dates in
    order; language codes CLDR knows."""
    first = documents[0]
    problems = []
    if not registry.is_active(first["language"]):
        problems.append(
            f"language: {first['language']!r} is not an active language here "
            f"({', '.join(registry.active_codes())})."
        )
    ids = set()
    for page_number, document in enumerate(documents, start=1):
        if (document["language"], document["publisher"]) != (first["language"], first["publisher"]):
            problems.append(f"page {page_number}: language or publisher differs from page 1.")
        for position, item in enumerate(document["practices"]):
            where = f"practices[{position}]" + (f" (page {page_number})" if page_number > 1 else "")
            problems.extend(_item_problems(item, where, first["language"], ids))
    if problems:
        raise DocumentError(problems[: validation.MAX_ERRORS])


def _item_problems(item, where, language, ids):
    problems = []
    if item["id"] in ids:
        problems.append(f"{where}.id: {item['id']!r} appears twice.")
    ids.add(item["id"])
    if item["language"] != language:
        problems.append(f"{where}.language: {item['language']!r} differs from the document's.")
    if item.get("started_on") and item.get("ended_on") and item["ended_on"] < item["started_on"]:
        problems.append(f"{where}.ended_on: is before started_on.")
    for position, entry in enumerate(item["languages"]):
        try:
            validate_language_code(entry["code"])
        except ValidationError:
            problems.append(
                f"{where}.languages[{position}].code: unknown language {entry['code']!r}."
            )
    return problems


class Importer:
    def __init__(self, documents):
        self.documents = documents
        first = documents[0]
        self.language = first["language"]
        self.publisher = first["publisher"]
        self.report = ImportReport(publisher=self.publisher["name"], language=self.language)
        self.cleaner = RichTextCleaner()
        self.channels = {c.slug: c for c in Channel.objects.all()}
        self.target_groups = {t.slug: t for t in TargetGroup.objects.all()}

    def library(self):
        library = PracticeIndexPage.objects.filter(locale__language_code=self.language).first()
        if library is None:
            raise DocumentError(
                [f"There is no good-practice library in {self.language!r} to import into."]
            )
        return library

    @transaction.atomic
    def run(self):
        library = self.library()
        imported = {}
        for document in self.documents:
            for item in document["practices"]:
                imported[item["id"]] = (self.save(library, item), item)
        for page, item in imported.values():
            self.link_related(page, item, imported)
        return self.report

    def attribution(self, item):
        """The original source when the publisher had the practice from elsewhere."""
        source = item.get("source") or {}
        contact = item.get("contact") or {}
        department = (contact.get("department") or {}).get("name", "")
        return {
            "source_name": source.get("name") or self.publisher["name"],
            "source_url": source.get("url") or item["url"],
            "source_department": source.get("department") or department,
        }

    def save(self, library, item):
        attribution = self.attribution(item)
        page = PracticePage.objects.filter(
            locale=library.locale, source_id=item["id"], source_name=attribution["source_name"]
        ).first()
        created = page is None
        if created:
            page = PracticePage(locale=library.locale, source_id=item["id"])
        self.fill(page, item, attribution)
        if created:
            page.slug = find_available_slug(library, slugify(item["title"])[:80] or "practice")
            library.add_child(instance=page)
            self.report.created.append(page.title)
        else:
            self.report.updated.append(page.title)
        page.save_revision().publish()
        return page

    def fill(self, page, item, attribution):
        cost = item.get("cost") or {}
        contact = item.get("contact") or {}
        page.title = item["title"]
        page.summary = item["summary"]
        page.challenge = item.get("challenge", "")
        page.what_was_done = self.cleaner.clean(item.get("what_was_done", ""))
        page.results = self.cleaner.clean(item.get("results", ""))
        page.key_figures = [("figure", figure) for figure in item.get("key_figures", [])]
        page.status = item["status"]["code"]
        page.visibility = Visibility.PUBLIC
        page.started_on = item.get("started_on")
        page.ended_on = item.get("ended_on")
        page.cost_dkk = cost.get("amount_dkk")
        page.cost_note = cost.get("note", "")
        page.department = None
        page.contact_role = contact.get("role", "")
        page.contact_email = contact.get("email", "")
        for name, value in attribution.items():
            setattr(page, name, value)
        page.channels.set(self.mapped("channels", item["channels"], self.channels))
        page.target_groups.set(
            self.mapped("target_groups", item["target_groups"], self.target_groups)
        )
        page.languages.set(self.languages(item["languages"]))
        for name in ("departments", "focus_areas", "goals"):
            getattr(page, name).set([])
        page.attachments = [
            PracticeAttachment(title=entry["title"], url=entry["url"])
            for entry in item.get("attachments", [])
        ]

    def mapped(self, name, terms, known):
        found = []
        for entry in terms:
            if entry["code"] in known:
                found.append(known[entry["code"]])
            else:
                self.report.unmapped.setdefault(name, set()).add(entry["code"])
        return found

    def languages(self, entries):
        found = []
        for entry in entries:
            language, _ = UsedLanguage.objects.get_or_create(code=entry["code"])
            found.append(language)
        return found

    def link_related(self, page, item, imported):
        targets = [imported[key][0] for key in item.get("related", []) if key in imported]
        if [link.practice_id for link in page.related_links.all()] == [t.pk for t in targets]:
            return
        page.related_links = [RelatedPractice(practice=target) for target in targets]
        page.save_revision().publish()


def import_practices(source, *, timeout=None, max_bytes=None):
    """Read, check and load the export at ``source``; return an :class:`ImportReport`. Raises
    :class:`DocumentError` (nothing imported) when anything is wrong."""
    documents = read_export(source, timeout=timeout, max_bytes=max_bytes)
    check_consistency(documents)
    if not Locale.objects.filter(language_code=documents[0]["language"]).exists():
        raise DocumentError([f"language: {documents[0]['language']!r} is not active here."])
    return Importer(documents).run()
