import pytest
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ObjectDoesNotExist
from wagtail.models import Page

from welcome.languages import rows

pytestmark = pytest.mark.django_db


def test_the_answering_page_is_read_as_the_orm_reads_it(translated_site, django_assert_num_queries):
    pages = list(Page.objects.filter(depth__gt=1).select_related("locale"))
    assert {type(page.specific).__name__ for page in pages} >= {"HomePage", "TopicPage"}

    for page in pages:
        expected = page.specific
        ContentType.objects.get_for_id(page.content_type_id)  # cached by Django once looked up
        with django_assert_num_queries(1):  # the page, its type's fields and its locale at once
            found = rows.specific_page(page.pk, page.content_type_id)
            assert found.locale.language_code == page.locale.language_code

        assert type(found) is type(expected)
        for field in type(expected)._meta.concrete_fields:
            assert field.get_prep_value(getattr(found, field.attname)) == field.get_prep_value(
                getattr(expected, field.attname)
            ), field.name


def test_a_page_gone_since_routing_is_not_found(translated_site):
    topic = translated_site["da"][1]
    content_type_id = topic.content_type_id
    topic.delete()

    with pytest.raises(ObjectDoesNotExist):
        rows.specific_page(topic.pk, content_type_id)


def test_live_translation_paths_leave_out_unpublished_translations(translated_site):
    translated_site["so"][1].unpublish()

    found = dict(rows.live_translation_paths(translated_site["da"][1].translation_key))

    assert "so" not in found
    assert found["ar"] == translated_site["ar"][1].url_path
    assert set(found) == set(translated_site) - {"so"}


def test_pages_on_paths_finds_exactly_the_paths_asked_for(translated_site):
    home, topic = translated_site["ar"]

    found = rows.pages_on_paths([home.url_path, topic.url_path, "/nowhere/"])

    assert found == {
        home.url_path: (home.pk, home.content_type_id),
        topic.url_path: (topic.pk, topic.content_type_id),
    }
    assert rows.pages_on_paths([]) == {}
