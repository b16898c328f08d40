"""Browsing the library: facets with counts, search and sorting, in a constant number of queries.

Within a facet the chosen options are alternatives (Arabic *or* Somali); across facets they all
apply (Arabic or Somali, *and* a video). The count next to an option is the number of practices the
reader would see with that option and every *other* facet's choices, so counts stay right however
the filters are combined: one grouped query per facet, whatever the number of options or practices.
"""

from dataclasses import dataclass, field

from django.core.paginator import EmptyPage, PageNotAnInteger, Paginator
from django.db.models import Count
from django.utils.translation import gettext_lazy as _

from welcome.languages import analysis

from .models import PracticePage, Status, UsedLanguage

PER_PAGE = 20
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

    def restrict(self, practices, values):
        """``practices`` that have any of ``values``."""
        if self.choices is not None:
            return practices.filter(**{f"{self.key}__in": values})
        through = self.field.remote_field.through
        source, target = self.field.m2m_field_name(), self.field.m2m_reverse_field_name()
        having = through.objects.filter(**{f"{target}__{self.code_field}__in": values})
        return practices.filter(pk__in=having.values(f"{source}_id"))

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
            user=request.user,
            query=params.get("q", "").strip()[: analysis.MAX_QUERY_CHARACTERS],
            selected=selected,
            sort=sort if sort in Sort.ORDERING else Sort.NEWEST,
            page_number=params.get("page", "1"),
        )

    def base(self):
        """Live practices of this language the reader may see, matching the search words."""
        practices = (
            PracticePage.objects.live().in_language(self.language_code).visible_to(self.user)
        )
        for word in analysis.analyse_query(self.query, self.language_code):
            practices = practices.filter(search_document__contains=f" {word} ")
        return practices

    def narrowed(self, practices, except_facet=None):
        for facet in FACETS:
            values = self.selected.get(facet.key)
            if values and facet is not except_facet:
                practices = facet.restrict(practices, values)
        return practices

    def facet_results(self, base):
        results = []
        for facet in FACETS:
            counts = facet.counts(self.narrowed(base, except_facet=facet))
            chosen = self.selected.get(facet.key, ())
            options = [
                Option(value=value, label=label, count=counts.get(key, 0), selected=value in chosen)
                for value, label, key in facet.options()
            ]
            results.append(FacetResult(facet=facet, options=options, selected=chosen))
        return results

    def run(self):
        base = self.base()
        practices = (
            self.narrowed(base)
            .with_adoption_counts()
            .select_related("department")
            .order_by(*Sort.ORDERING[self.sort])
        )
        paginator = Paginator(practices, PER_PAGE)
        try:
            page = paginator.page(self.page_number)
        except (EmptyPage, PageNotAnInteger):
            page = paginator.page(1)
        facets = self.facet_results(base)
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
