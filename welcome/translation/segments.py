"""Segment extraction and ingestion.

``extract(obj)`` walks an object's translatable fields (plain text, rich text, StreamField at any
nesting: Stream, Struct, List) down to text leaves and returns :class:`Segment` s with stable keys:
the field name, then for each StreamField level the block id (stream children and list items) or
the child name (struct blocks), joined by ``/`` — e.g. ``body/3f…/steps/9a…/title``.

Rich text keeps its block markup as is; every tag that carries attributes (a link, an embed) is
replaced by a numbered tag (``<a id="a1">…</a>``) whose attributes are kept in ``Segment.markup``
and restored on ingestion, so translators never see or break a URL, and the set of numbered tags
must survive translation (``tag_problems``).

``ingest(target, texts, source=...)`` writes translated texts back: each translatable field gets
the source's value with the text leaves whose key is in ``texts`` replaced. Leaves without a text
keep the source's. ``synchronise(target, source)`` copies the synchronised fields.
"""

import json
import re
from collections import Counter
from dataclasses import dataclass, field

from django.db import models
from modelcluster.fields import ParentalKey
from wagtail import blocks
from wagtail.fields import RichTextField, StreamField

from welcome.core.translatable import block_is_translatable

from . import registry
from .models import SegmentKind, text_hash

SEPARATOR = "/"

_TAG = re.compile(r"<(/?)([a-zA-Z][a-zA-Z0-9]*)(\s[^<>]*?)?(/?)>")
_NUMBERED = re.compile(r'<([a-zA-Z][a-zA-Z0-9]*) id="([a-zA-Z][a-zA-Z0-9_]*)"(/?)>')


@dataclass(frozen=True)
class Segment:
    key: str
    text: str
    kind: str = SegmentKind.TEXT
    max_length: int | None = None
    context: str = ""
    markup: dict = field(default_factory=dict)

    @property
    def hash(self):
        return segment_hash(self.text, self.markup)


def segment_hash(text, markup):
    if not markup:
        return text_hash(text)
    return text_hash(text + "\x00" + json.dumps(markup, sort_keys=True))


# --- rich text ---------------------------------------------------------------------------------


def number_tags(html):
    """``(text, markup)``: ``html``, each tag with attributes replaced by a numbered one."""
    counts = Counter()
    markup = {}

    def replace(match):
        closing, name, attributes, self_closing = match.groups()
        if closing or not (attributes or "").strip():
            return match.group(0)
        counts[name] += 1
        ident = f"{name}{'_' if name[-1].isdigit() else ''}{counts[name]}"
        markup[ident] = attributes
        return f'<{name} id="{ident}"{self_closing}>'

    return _TAG.sub(replace, html), markup


def restore_tags(text, markup):
    """Inverse of :func:`number_tags` (numbered tags whose id is unknown are left as they are)."""

    def replace(match):
        name, ident, self_closing = match.groups()
        attributes = markup.get(ident)
        if attributes is None:
            return match.group(0)
        return f"<{name}{attributes}{self_closing}>"

    return _NUMBERED.sub(replace, text)


def numbered_tags(text):
    return Counter(match.group(2) for match in _NUMBERED.finditer(text))


def tag_problems(source_text, target_text):
    """``(missing, extra)`` numbered tags of a rich-text translation; both empty when it is fine."""
    source, target = numbered_tags(source_text), numbered_tags(target_text)
    return sorted((source - target).elements()), sorted((target - source).elements())


# --- walking StreamField values ----------------------------------------------------------------


def _label(block, name):
    return str(getattr(block, "label", None) or name).strip()


def _walk(block, value, path, context, visit):
    """Rebuild the prepared (JSON) ``value`` of ``block``, passing each text leaf through
    ``visit(block, value, path, context)``."""
    if isinstance(block, blocks.StreamBlock):
        result = []
        for child in value or []:
            child_block = block.child_blocks.get(child.get("type"))
            if child_block is None:
                result.append(child)
                continue
            child_path = f"{path}{SEPARATOR}{child.get('id')}"
            child_context = f"{context} › {_label(child_block, child['type'])}"
            result.append(
                {
                    **child,
                    "value": _walk(child_block, child["value"], child_path, child_context, visit),
                }
            )
        return result
    if isinstance(block, blocks.StructBlock):
        if not isinstance(value, dict):
            return value
        result = dict(value)
        for name, child_block in block.child_blocks.items():
            if name in value:
                result[name] = _walk(
                    child_block,
                    value[name],
                    f"{path}{SEPARATOR}{name}",
                    f"{context} › {_label(child_block, name)}",
                    visit,
                )
        return result
    if isinstance(block, blocks.ListBlock):
        result = []
        for index, item in enumerate(value or []):
            if isinstance(item, dict) and item.get("type") == "item" and "value" in item:
                ident = item.get("id") or index
                item_path = f"{path}{SEPARATOR}{ident}"
                item_context = f"{context} {index + 1}"
                result.append(
                    {
                        **item,
                        "value": _walk(
                            block.child_block, item["value"], item_path, item_context, visit
                        ),
                    }
                )
            else:
                item_path = f"{path}{SEPARATOR}{index}"
                result.append(
                    _walk(block.child_block, item, item_path, f"{context} {index + 1}", visit)
                )
        return result
    if isinstance(value, str) and block_is_translatable(block):
        return visit(block, value, path, context)
    return value


def _block_kind(block):
    return SegmentKind.RICH if isinstance(block, blocks.RichTextBlock) else SegmentKind.TEXT


def _make_segment(key, raw, kind, max_length, context):
    if kind == SegmentKind.RICH:
        text, markup = number_tags(raw)
        return Segment(key, text, kind, max_length, context, markup)
    return Segment(key, raw, kind, max_length, context)


def _leaf_text(segment_text, kind, source_markup):
    return restore_tags(segment_text, source_markup) if kind == SegmentKind.RICH else segment_text


def prepared_stream(value):
    """A StreamField value as stored JSON (every child and list item with its id)."""
    return value.stream_block.get_prep_value(value)


# --- extraction and ingestion ------------------------------------------------------------------


def _model_field(obj, name):
    return type(obj)._meta.get_field(name)


def _field_context(model_field):
    return str(getattr(model_field, "verbose_name", "") or model_field.name).capitalize()


def stream_segments(stream_block, prepared, name, context=""):
    """Segments of a prepared StreamField value (``prepared_stream``) stored in field ``name``."""
    found = []

    def collect(block, text, path, where):
        if text.strip():
            max_length = getattr(block.meta, "max_length", None) or getattr(
                getattr(block, "field", None), "max_length", None
            )
            found.append(_make_segment(path, text, _block_kind(block), max_length, where))
        return text

    _walk(stream_block, prepared, name, context, collect)
    return found


def stream_with_texts(stream_block, prepared, texts, name):
    """``prepared`` with the text leaves whose key is in ``texts`` replaced (markup restored)."""

    def substitute(block, raw, path, where):
        if path not in texts or not raw.strip():
            return raw
        kind = _block_kind(block)
        markup = number_tags(raw)[1] if kind == SegmentKind.RICH else {}
        return _leaf_text(texts[path], kind, markup)

    return _walk(stream_block, prepared, name, "", substitute)


def _field_kind(model_field):
    return SegmentKind.RICH if isinstance(model_field, RichTextField) else SegmentKind.TEXT


def extract(obj):
    """Every text segment of ``obj``'s translatable fields, in document order. Empty texts are
    not segments (nothing to translate)."""
    obj = registry.specific(obj)
    found = []
    for name in registry.translatable_fields(type(obj)):
        model_field = _model_field(obj, name)
        value = getattr(obj, name)
        context = _field_context(model_field)
        if isinstance(model_field, StreamField):
            found += stream_segments(value.stream_block, prepared_stream(value), name, context)
        elif isinstance(value, str) and value.strip():
            max_length = getattr(model_field, "max_length", None)
            found.append(_make_segment(name, value, _field_kind(model_field), max_length, context))
    return found


def ingest(target, texts, source=None):
    """Set ``target``'s translatable fields from ``source`` (default: ``target`` itself) with the
    text of each segment whose key is in ``texts`` (``{key: segment text}``) substituted."""
    target = registry.specific(target)
    source = registry.specific(source) if source is not None else target
    for name in registry.translatable_fields(type(source)):
        model_field = _model_field(source, name)
        value = getattr(source, name)
        if isinstance(model_field, StreamField):
            prepared = prepared_stream(value)
            setattr(target, name, stream_with_texts(value.stream_block, prepared, texts, name))
        elif isinstance(value, str) and name in texts and value.strip():
            kind = _field_kind(model_field)
            markup = number_tags(value)[1] if kind == SegmentKind.RICH else {}
            setattr(target, name, _leaf_text(texts[name], kind, markup))
        else:
            setattr(target, name, value)
    return target


def synchronise(target, source):
    """Copy the synchronised fields (facts, media, links, child rows) from ``source``."""
    target = registry.specific(target)
    source = registry.specific(source)
    for name in registry.synchronised_fields(type(source)):
        model_field = _model_field(source, name)
        if model_field.one_to_many and isinstance(model_field.remote_field, ParentalKey):
            _copy_children(target, source, name, model_field)
        elif model_field.many_to_many:
            setattr(target, name, list(getattr(source, name).all()))
        elif isinstance(model_field, models.Field):
            setattr(target, model_field.attname, getattr(source, model_field.attname))
    return target


def _copy_children(target, source, name, relation):
    """Child rows (inline panels) are facts too: the target gets copies of the source's."""
    child_model = relation.related_model
    parent_attname = relation.field.attname
    copies = []
    for child in getattr(source, name).all():
        values = {
            f.attname: getattr(child, f.attname)
            for f in child_model._meta.concrete_fields
            if not f.primary_key and f.attname != parent_attname
        }
        copies.append(child_model(**values))
    setattr(target, name, copies)
