"""Browsing the library: facet counts with combined filters, search, sorting, query counts."""

import itertools

import pytest
from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test.utils import CaptureQueriesContext

from welcome.practices.library import FACETS, LibraryQuery
from welcome.practices.models import Adoption, Department, PracticeIndexPage, PracticePage

from ..html import interface_plural, soup
from .factories import make_practice, make_user

pytestmark = pytest.mark.django_db

# What the module's practices are, so expectations can be computed independently of the code.
PRACTICES = {
    "video-ar-so": {
        "department": "bif",
        "departments": ["bif"],
        "channels": ["video", "leaflet"],
        "languages": ["ar", "so"],
        "status": "proven",
        "focus_areas": ["inclusive-city"],
        "target_groups": ["new-residents"],
        "title": "Film om lægen på arabisk og somali",
        "summary": "Korte film forklarer, hvordan man bestiller tid hos lægen.",
    },
    "video-ar": {
        "department": "sof",
        "departments": ["sof", "bif"],
        "channels": ["video"],
        "languages": ["ar"],
        "status": "piloted",
        "focus_areas": ["helping-hand"],
        "target_groups": ["parents"],
        "title": "Bydelsmødre viser film om fritidstilbud",
        "summary": "Bydelsmødre bruger film på møder med forældre.",
    },
    "meeting-so": {
        "department": "bif",
        "departments": ["bif"],
        "channels": ["meeting"],
        "languages": ["so"],
        "status": "idea",
        "focus_areas": ["inclusive-city"],
        "target_groups": [],
        "title": "Dialogmøder med tolke",
        "summary": "Møder i foreningerne, hvor tolkene oversætter spørgsmål og svar.",
    },
    "leaflet-tr-ar": {
        "department": "buf",
        "departments": ["buf"],
        "channels": ["leaflet"],
        "languages": ["tr", "ar"],
        "status": "proven",
        "focus_areas": ["good-start"],
        "target_groups": ["parents"],
        "title": "Pjece om skolestart",
        "summary": "En pjece på tyrkisk og arabisk om at begynde i skole.",
    },
    "internal-video-ar": {
        "department": "bif",
        "departments": ["bif"],
        "channels": ["video"],
        "languages": ["ar"],
        "status": "proven",
        "focus_areas": ["inclusive-city"],
        "target_groups": ["new-residents"],
        "visibility": "internal",
        "title": "Intern film til medarbejdere i Borgerservice",
        "summary": "En film om at bruge tolk over telefon.",
    },
}
FACET_FIELDS = {
    "department": "departments",
    "focus_area": "focus_areas",
    "channel": "channels",
    "language": "languages",
    "target_group": "target_groups",
    "status": "status",
}


@pytest.fixture(scope="module")
def practice_ids(module_library_id):
    library = PracticeIndexPage.objects.get(pk=module_library_id)
    return {key: make_practice(library, slug=key, **data).pk for key, data in PRACTICES.items()}


@pytest.fixture
def practices(practice_ids, db):
    return {key: PracticePage.objects.get(pk=pk) for key, pk in practice_ids.items()}


def values_of(data, facet_key):
    value = data[FACET_FIELDS[facet_key]]
    return {value} if isinstance(value, str) else set(value)


def expected(selected, *, staff, except_facet=None):
    """Keys of the practices a reader should see, computed from PRACTICES alone."""
    keys = []
    for key, data in PRACTICES.items():
        if data.get("visibility") == "internal" and not staff:
            continue
        if all(
            values_of(data, facet) & set(values)
            for facet, values in selected.items()
            if facet != except_facet
        ):
            keys.append(key)
    return keys


def expected_counts(selected, *, staff):
    counts = {}
    for facet in FACETS:
        for key in expected(selected, staff=staff, except_facet=facet.key):
            for value in values_of(PRACTICES[key], facet.key):
                counts[(facet.key, value)] = counts.get((facet.key, value), 0) + 1
    return counts


def run(library, selected, user=None, **params):
    query = LibraryQuery(
        language_code="da",
        locale_id=library.locale_id,
        user=user or AnonymousUser(),
        selected=selected,
        **params,
    )
    return query.run()


def counts_of(result):
    return {
        (facet.key, option.value): option.count
        for facet in result.facets
        for option in facet.options
        if option.count
    }


SELECTIONS = [
    {},
    {"channel": ("video",)},
    {"channel": ("video", "leaflet")},
    {"channel": ("video",), "language": ("ar",)},
    {"department": ("bif",), "language": ("so", "tr"), "status": ("proven", "idea")},
    {"department": ("bif",), "channel": ("video",), "status": ("proven",)},
    {"focus_area": ("inclusive-city", "good-start"), "target_group": ("parents",)},
    {"department": ("okf",)},
]


@pytest.mark.parametrize("selected", SELECTIONS, ids=lambda s: "&".join(map(str, s.items())))
@pytest.mark.parametrize("staff", [False, True], ids=["public", "staff"])
def test_facet_counts_are_right_for_combined_filters(
    db, practices, module_library, selected, staff
):
    user = make_user("counter", departments=["tmf"]) if staff else None

    result = run(module_library, selected, user)

    shown = sorted(page.slug for page in result.page.object_list)
    assert shown == sorted(expected(selected, staff=staff))
    assert result.count == len(shown)
    assert counts_of(result) == expected_counts(selected, staff=staff)


def test_choosing_every_option_of_a_facet_never_hides_a_practice(db, practices, module_library):
    everything = run(module_library, {}).count
    for facet in FACETS:
        all_values = tuple(value for value, _label, _key in facet.options())
        narrowed = run(module_library, {facet.key: all_values})
        with_option = {p.slug for p in narrowed.page.object_list}
        assert len(with_option) <= everything
        # Every practice that has some value of the facet is still there.
        assert with_option == {
            key for key in expected({}, staff=False) if values_of(PRACTICES[key], facet.key)
        }


def test_the_public_library_page_shows_counts_and_keeps_choices_checked(
    client, practices, module_library
):
    response = client.get(module_library.url, {"channel": "video", "language": "ar"})

    page = soup(response)
    assert response.status_code == 200
    assert page.select_one("#results-heading").get_text(strip=True) == interface_plural(
        "%(counter)s practice", "%(counter)s practices", 2, "da"
    )
    video = page.select_one("#f-channel-video")
    assert video.has_attr("checked")
    label = page.select_one('label[for="f-language-so"]').get_text(" ", strip=True)
    assert label.endswith("(1)")  # Somali, with the video choice: one public practice
    titles = [a.get_text() for a in page.select(".practice-card h3 a")]
    assert "Intern film til medarbejdere i Borgerservice" not in titles


def test_unknown_and_repeated_filter_values_are_harmless(client, practices, module_library):
    response = client.get(
        module_library.url,
        {"channel": ["video", "video", "no-such-channel"], "status": "<script>"},
    )

    assert response.status_code == 200
    assert soup(response).select_one("#results-heading").get_text(strip=True) == interface_plural(
        "%(counter)s practice", "%(counter)s practices", 0, "da"
    )
    assert "<script>" not in response.content.decode().split("<main", 1)[1].split("</form>")[0]


def queries_for(client, url, params):
    client.get(url, params)  # warm caches, as on a running server
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url, params).status_code == 200
    return len(captured)


def test_listing_query_count_does_not_grow_with_practices_or_options(
    client, practices, module_library
):
    params = {"department": "bif", "channel": ["video", "leaflet"], "status": "proven"}
    few = queries_for(client, module_library.url, params)
    channels = ["video", "leaflet", "meeting", "sign", "interpreter"]
    for number, channel in zip(range(10), itertools.cycle(channels), strict=False):
        make_practice(
            module_library,
            departments=["bif", "sof"],
            channels=[channel, "video"],
            languages=["ar", "ur", "fa"],
            focus_areas=["helping-hand"],
            target_groups=["parents"],
            title=f"Ekstra {number}",
        )

    assert queries_for(client, module_library.url, params) == few


def test_search_finds_inflected_words_and_combines_with_facets(db, practices, module_library):
    # "tolk" (Danish stem) finds "tolke" and "tolkene"; the facet narrows further.
    found = run(module_library, {}, query="tolk")
    assert {p.slug for p in found.page.object_list} == {"meeting-so"}

    both = run(module_library, {"channel": ("video",)}, query="film")
    assert {p.slug for p in both.page.object_list} == {"video-ar-so", "video-ar"}

    none = run(module_library, {"channel": ("leaflet",)}, query="tolk")
    assert none.count == 0


def test_search_words_must_all_match(db, practices, module_library):
    result = run(module_library, {}, query="pjece skolestart")
    assert [p.slug for p in result.page.object_list] == ["leaflet-tr-ar"]
    assert run(module_library, {}, query="pjece lægen").count == 0


def test_staff_find_internal_practices_by_search_and_the_public_does_not(
    db, practices, module_library
):
    staff = make_user("searcher", departments=["okf"])

    assert run(module_library, {}, query="telefon").count == 0
    found = run(module_library, {}, staff, query="telefon")
    assert [p.slug for p in found.page.object_list] == ["internal-video-ar"]


def test_sort_by_newest_and_by_most_adopted(db, practices, module_library):
    Adoption.objects.create(
        practice_key=practices["meeting-so"].translation_key,
        department=Department.objects.get(slug="kff"),
    )
    Adoption.objects.create(
        practice_key=practices["meeting-so"].translation_key,
        department=Department.objects.get(slug="suf"),
    )
    Adoption.objects.create(
        practice_key=practices["video-ar"].translation_key,
        department=Department.objects.get(slug="kff"),
    )

    newest = run(module_library, {}).page.object_list
    adopted = run(module_library, {}, sort="adopted").page.object_list

    assert [p.slug for p in newest] == ["leaflet-tr-ar", "meeting-so", "video-ar", "video-ar-so"]
    assert [p.adoption_count for p in newest] == [0, 2, 1, 0]
    assert [p.slug for p in adopted] == ["meeting-so", "video-ar", "leaflet-tr-ar", "video-ar-so"]
    assert [p.adoption_count for p in adopted] == [2, 1, 0, 0]


def test_the_card_says_how_many_other_departments_use_a_practice(client, practices, module_library):
    Adoption.objects.create(
        practice_key=practices["leaflet-tr-ar"].translation_key,
        department=Department.objects.get(slug="kff"),
    )

    response = client.get(module_library.url, {"sort": "adopted"})

    first = soup(response).select_one(".practice-card")
    assert first.h3.get_text(strip=True) == "Pjece om skolestart"
    used = interface_plural(
        "Used by %(counter)s more department", "Used by %(counter)s more departments", 1, "da"
    )
    assert used in first.get_text(" ", strip=True)
