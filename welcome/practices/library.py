"""Browsing the library: facets with counts, search and sorting, in a constant number of queries.

Within a facet the chosen options are alternatives (Arabic *or* Somali); across facets they all
apply (Arabic or Somali, *and* a video). The count next to an option is the number of practices the
reader would see with that option and every *other* facet's choices, so counts stay right however
the filters are combined: one grouped query per facet, whatever the number of options or practices.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count, Q
from django.utils.translation import gettext_lazy as _

from welcome.languages import analysis

from .models import Adoption, PracticePage, Status, UsedLanguage

PER_PAGE = 20
# What a result card does not show, so the listing does not read it.
CARD_DEFERRED = (
    "challenge",
    "what_was_done",
    "results",
    "key_figures",
    "search_document",
    "search_description",
)
MAX_VALUES_PER_FACET = 20
MAX_VALUE_LENGTH = 60


class Sort:
    NEWEST = "newest"
    ADOPTED = "adopted"
    CHOICES = ((NEWEST, _("Newest first")), (ADOPTED, _("Most adopted first")))
    ORDERING = {
        NEWEST: ("-first_published_at", "-pk"),
        ADOPTED: ("-adoption_count", "-first_published_at", "-pk"),
    }


@dataclass(frozen=True)
class Facet:
    """A way to narrow the library: a many-to-many ``relation`` of the practice to a taxonomy, or
    a ``choices`` field of the practice itself. ``key`` is the URL parameter."""

    key: str
    label: str
    relation: str = ""
    choices: type | None = None

    @property
    def field(self):
        return PracticePage._meta.get_field(self.relation)

    @property
    def model(self):
        return self.field.related_model

    @property
    def code_field(self):
        """The taxonomy field that names an option in URLs: ``slug`` (``code`` for languages)."""
        return "code" if self.model is UsedLanguage else "slug"

    def restriction(self, keys):
        """A condition: the practice has any of the options ``keys`` (values for a choices
        field, primary keys for a taxonomy)."""
        if self.choices is not None:
            return Q(**{f"{self.key}__in": keys})
        through = self.field.remote_field.through
        source, target = self.field.m2m_field_name(), self.field.m2m_reverse_field_name()
        having = through.objects.filter(**{f"{target}_id__in": keys})
        return Q(pk__in=having.values(f"{source}_id"))

    def counts(self, practices):
        """``{option primary key or value: number of practices}`` in one grouped query."""
        if self.choices is not None:
            rows = practices.order_by().values(self.key).annotate(total=Count("pk"))
            return {row[self.key]: row["total"] for row in rows}
        through = self.field.remote_field.through
        source, target = self.field.m2m_field_name(), self.field.m2m_reverse_field_name()
        rows = (
            through.objects.filter(**{f"{source}_id__in": practices.order_by().values("pk")})
            .values(f"{target}_id")
            .annotate(total=Count("pk"))
        )
        return {row[f"{target}_id"]: row["total"] for row in rows}

    def options(self):
        """``(value, label, key in counts)`` for every option, in display order."""
        if self.choices is not None:
            return [(value, label, value) for value, label in self.choices.choices]
        return [
            (getattr(item, self.code_field), item.label, item.pk)
            for item in self.model.objects.all()
        ]


FACETS = (
    Facet("department", _("Department"), relation="departments"),
    Facet("focus_area", _("Focus area"), relation="focus_areas"),
    Facet("channel", _("Channel"), relation="channels"),
    Facet("language", _("Language"), relation="languages"),
    Facet("target_group", _("Target group"), relation="target_groups"),
    Facet("status", _("Status"), choices=Status),
)


def add_adoption_counts(practices):
    """Set ``adoption_count`` on a page of practices in one small query (cheaper to plan than a
    subquery in the listing's query, which only sorting by adoption needs)."""
    keys = [practice.translation_key for practice in practices]
    rows = (
        Adoption.objects.filter(practice_key__in=keys)
        .values("practice_key")
        .annotate(total=Count("pk"))
        .order_by()
    )
    counts = {row["practice_key"]: row["total"] for row in rows}
    for practice in practices:
        practice.adoption_count = counts.get(practice.translation_key, 0)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetResult:
    facet: Facet
    options: list
    selected: tuple

    @property
    def key(self):
        return self.facet.key

    @property
    def label(self):
        return self.facet.label

    @property
    def shown_options(self):
        """Options worth offering: those with practices, and those the reader chose."""
        return [option for option in self.options if option.count or option.selected]

    @property
    def is_open(self):
        return bool(self.selected)


@dataclass
class LibraryResult:
    page: object
    paginator: Paginator
    facets: list
    query: str
    sort: str
    sort_choices: tuple = Sort.CHOICES
    active_filters: list = field(default_factory=list)

    @property
    def count(self):
        return self.paginator.count


@dataclass
class LibraryQuery:
    """What the reader asked for: the library (its language), who they are, search words,
    facet choices, sort order and result page."""

    language_code: str
    locale_id: int
    user: object
    query: str = ""
    selected: dict = field(default_factory=dict)
    sort: str = Sort.NEWEST
    page_number: str = "1"

    @classmethod
    def from_request(cls, index_page, request):
        params = request.GET
        selected = {}
        for facet in FACETS:
            values = [v[:MAX_VALUE_LENGTH] for v in params.getlist(facet.key) if v]
            if values:
                selected[facet.key] = tuple(dict.fromkeys(values))[:MAX_VALUES_PER_FACET]
        sort = params.get("sort", Sort.NEWEST)
        return cls(
            language_code=index_page.locale.language_code,
            locale_id=index_page.locale_id,
            user=request.user,
            query=params.get("q", "").strip()[: analysis.MAX_QUERY_CHARACTERS],
            selected=selected,
            sort=sort if sort in Sort.ORDERING else Sort.NEWEST,
            page_number=params.get("page", "1"),
        )

    def base(self):
        """Live practices of this language the reader may see, matching the search words."""
        practices = PracticePage.objects.live().filter(locale_id=self.locale_id)
        practices = practices.visible_to(self.user)
        for word in analysis.analyse_query(self.query, self.language_code):
            practices = practices.filter(search_document__contains=f" {word} ")
        return practices

    def restrictions(self, options):
        """``{facet key: condition}`` for every facet with a choice; choices that name no option
        match nothing."""
        conditions = {}
        for facet in FACETS:
            chosen = self.selected.get(facet.key)
            if chosen:
                keys = [key for value, _label, key in options[facet.key] if value in chosen]
                conditions[facet.key] = facet.restriction(keys)
        return conditions

    @staticmethod
    def narrowed(practices, conditions, except_facet=None):
        others = [q for key, q in conditions.items() if key != except_facet]
        return practices.filter(*others) if others else practices

    def facet_results(self, base, options, conditions):
        results = []
        for facet in FACETS:
            counts = facet.counts(self.narrowed(base, conditions, except_facet=facet.key))
            chosen = self.selected.get(facet.key, ())
            choices = [
                Option(value=value, label=label, count=counts.get(key, 0), selected=value in chosen)
                for value, label, key in options[facet.key]
            ]
            results.append(FacetResult(facet=facet, options=choices, selected=chosen))
        return results

    @staticmethod
    def total(facets):
        """How many practices match every choice, read off the status counts (every practice has
        exactly one status, and those counts apply every other facet's choices): no extra query."""
        status = next(result for result in facets if result.facet.choices is Status)
        return sum(
            option.count for option in status.options if option.selected or not status.selected
        )

    def run(self):
        base = self.base()
        options = {facet.key: facet.options() for facet in FACETS}
        conditions = self.restrictions(options)
        facets = self.facet_results(base, options, conditions)
        practices = self.narrowed(base, conditions).defer(*CARD_DEFERRED)
        if self.sort == Sort.ADOPTED:
            practices = practices.with_adoption_counts()
        practices = practices.prefetch_related("department").order_by(*Sort.ORDERING[self.sort])
        paginator = Paginator(practices, PER_PAGE)
        paginator.count = self.total(facets)
        try:
            page = paginator.page(self.page_number)
        except (EmptyPage, PageNotAnInteger):
            page = paginator.page(1)
        if self.sort != Sort.ADOPTED:
            add_adoption_counts(page.object_list)
        return LibraryResult(
            page=page,
            paginator=paginator,
            facets=facets,
            query=self.query,
            sort=self.sort,
            active_filters=[
                (result, option)
                for result in facets
                for option in result.options
                if option.selected
            ],
        )
