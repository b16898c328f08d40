import io

import pytest
from django.core.management import CommandError, call_command
from wagtail.models import Page

from welcome.languages import registry
from welcome.pages.loaddata import FANOUT
from welcome.pages.models import HomePage, TopicPage

from ..conftest import build_translated_site
from ..html import soup

PAGES = FANOUT + 7  # a full first level and a partial second one


def generate(pages):
    out = io.StringIO()
    call_command("generate_load_data", "--pages", str(pages), "--no-demo", stdout=out)
    return out.getvalue()


@pytest.fixture(scope="module")
def load_site(module_transaction):
    build_translated_site()  # a home page in every active language (the demo is slow to load)
    return generate(PAGES)


pytestmark = pytest.mark.django_db


def generated(code):
    return TopicPage.objects.filter(locale__language_code=code, slug__startswith="load-")


def test_every_active_language_gets_the_generated_pages(load_site):
    assert f"in {len(registry.active_codes())} languages" in load_site
    for code in registry.active_codes():
        assert generated(code).live().count() == PAGES
    keys = set(generated("da").values_list("translation_key", flat=True))
    assert set(generated("ar").values_list("translation_key", flat=True)) == keys


def test_the_tree_is_valid(load_site):
    assert Page.find_problems() == ([], [], [], [], [])
    deep = generated("da").get(slug__startswith=f"load-{PAGES}-")
    parent = deep.get_parent()
    assert parent.slug.startswith("load-1-")
    assert deep.url_path == f"{parent.url_path}{deep.slug}/"
    assert deep.depth == HomePage.objects.get(locale__language_code="da").depth + 2


def test_wagtail_adds_children_after_the_generated_ones(load_site):
    home = HomePage.objects.get(locale__language_code="da")
    page = home.add_child(instance=TopicPage(title="Ny", slug="ny", intro="Ny side."))

    assert Page.find_problems() == ([], [], [], [], [])
    assert list(home.get_children().values_list("slug", flat=True))[-1] == page.slug


@pytest.mark.parametrize("code", ["da", "ar", "ur"])
def test_generated_pages_render_in_their_language(load_site, client, code):
    page = generated(code).get(slug__startswith=f"load-{PAGES}-")

    response = client.get(page.url)

    assert response.status_code == 200
    html = soup(response)
    assert html.article["lang"] == code
    assert html.h1.get_text(strip=True) == page.title
    assert html.select(".notice") == []
    # The body's blocks render: a paragraph and the numbered steps of the demo topic.
    assert html.select("article ol li")
    assert len(html.select(".language-picker a[lang]")) >= len(registry.active_codes()) - 1


def test_running_again_with_the_same_number_changes_nothing(load_site):
    count = Page.objects.count()

    assert "already in place" in generate(PAGES)
    assert Page.objects.count() == count


def test_running_with_another_number_is_refused(load_site):
    count = Page.objects.count()

    with pytest.raises(CommandError, match=f"already holds {PAGES} generated pages"):
        generate(PAGES + 1)
    assert Page.objects.count() == count
