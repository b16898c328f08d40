"""Segment extraction and ingestion: stable keys, numbered inline tags, round trips."""

import html
import uuid

from hypothesis import given, settings
from hypothesis import strategies as st
from wagtail import blocks

from welcome.translation import segments


class CardBlock(blocks.StructBlock):
    title = blocks.CharBlock()
    text = blocks.RichTextBlock()
    phone = blocks.CharBlock(translatable=False)
    items = blocks.ListBlock(blocks.CharBlock())


BODY = blocks.StreamBlock(
    [
        ("heading", blocks.CharBlock(max_length=40)),
        ("paragraph", blocks.RichTextBlock()),
        ("card", CardBlock()),
        (
            "nested",
            blocks.StreamBlock([("text", blocks.TextBlock()), ("n", blocks.IntegerBlock())]),
        ),
        ("cards", blocks.ListBlock(CardBlock())),
    ]
)

words = st.text(alphabet=st.characters(blacklist_categories=("Cs",)), max_size=30)
urls = st.sampled_from(["https://www.kk.dk", "https://kk.dk/a?b=1&amp;c=2", "mailto:a@kk.dk"])


@st.composite
def rich_texts(draw):
    parts = []
    for _ in range(draw(st.integers(0, 3))):
        inline = html.escape(draw(words))
        if draw(st.booleans()):
            inline += f'<a href="{draw(urls)}">{html.escape(draw(words))}</a>'
        if draw(st.booleans()):
            inline = f"<b>{inline}</b><br/>"
        parts.append(f"<p>{inline}</p>")
    return "".join(parts)


def ids():
    return st.builds(lambda: str(uuid.uuid4()))


def list_of(strategy):
    return st.lists(
        st.fixed_dictionaries({"type": st.just("item"), "value": strategy, "id": ids()}),
        max_size=3,
    )


cards = st.fixed_dictionaries(
    {
        "title": words,
        "text": rich_texts(),
        "phone": st.from_regex(r"\+45 [0-9]{8}", fullmatch=True),
        "items": list_of(words),
    }
)


def child(kind, strategy):
    return st.fixed_dictionaries({"type": st.just(kind), "value": strategy, "id": ids()})


nested = st.lists(st.one_of(child("text", words), child("n", st.integers(0, 999))), max_size=3).map(
    lambda items: items
)

stream_values = st.lists(
    st.one_of(
        child("heading", words),
        child("paragraph", rich_texts()),
        child("card", cards),
        child("nested", nested),
        child("cards", list_of(cards)),
    ),
    max_size=6,
)


@settings(max_examples=150, deadline=None)
@given(stream_values)
def test_ingesting_extracted_segments_unchanged_gives_back_the_same_value(value):
    found = segments.stream_segments(BODY, value, "body")
    texts = {segment.key: segment.text for segment in found}

    assert len(texts) == len(found)  # keys are unique
    assert segments.stream_with_texts(BODY, value, texts, "body") == value


@settings(max_examples=80, deadline=None)
@given(stream_values)
def test_translated_text_lands_at_the_same_keys_and_markup_is_restored(value):
    found = segments.stream_segments(BODY, value, "body")
    translated = {s.key: s.text + " [ar]" for s in found}

    result = segments.stream_with_texts(BODY, value, translated, "body")
    again = {s.key: s.text for s in segments.stream_segments(BODY, result, "body")}

    assert again == translated
    for segment in found:
        if segment.markup:
            assert (
                segments.number_tags(
                    segments.restore_tags(translated[segment.key], segment.markup)
                )[1]
                == segment.markup
            )


def test_keys_are_field_and_block_id_path_and_facts_are_not_segments():
    value = [
        {
            "type": "card",
            "id": "c1",
            "value": {
                "title": "Borgerservice",
                "text": '<p>Ring <a href="tel:+4533663366">her</a></p>',
                "phone": "+45 33 66 33 66",
                "items": [{"type": "item", "id": "i1", "value": "Pas"}],
            },
        }
    ]

    found = segments.stream_segments(BODY, value, "body")

    assert [s.key for s in found] == ["body/c1/title", "body/c1/text", "body/c1/items/i1"]
    rich = found[1]
    assert rich.text == '<p>Ring <a id="a1">her</a></p>'
    assert rich.markup == {"a1": ' href="tel:+4533663366"'}
    assert rich.kind == "rich"


def test_a_translation_that_loses_or_adds_a_numbered_tag_is_reported():
    source = '<p>Book på <a id="a1">kk.dk</a> eller <a id="a2">her</a>.</p>'

    assert segments.tag_problems(source, '<p><a id="a2">x</a> <a id="a1">y</a></p>') == ([], [])
    assert segments.tag_problems(source, "<p>Book på kk.dk</p>") == (["a1", "a2"], [])
    assert segments.tag_problems(source, '<p><a id="a1">x</a><a id="a2">y</a><b id="b1">z</b>') == (
        [],
        ["b1"],
    )


def test_max_length_of_a_char_block_is_kept():
    value = [{"type": "heading", "id": "h", "value": "Sådan gør du"}]

    (segment,) = segments.stream_segments(BODY, value, "body")

    assert segment.max_length == 40
