"""Demo content, contributed by each app in its own ``demo`` module.

An app registers a loader with ``@demo.loader(order=...)``; ``manage.py load_demo`` imports every
app's ``demo`` module and runs the loaders in order. Loaders must be idempotent: running them again
changes nothing.

The helpers below publish a page and its translations from JSON files of the same shape: a
translation's text replaces the source text leaf by leaf, and everything the field policy
synchronises (facts, links, media) is kept from the source.
"""

from django.utils.module_loading import autodiscover_modules
from wagtail import blocks
from wagtail.models import Locale

from .translatable import block_is_translatable, translatable_field_names

_loaders = []


def loader(order):
    def register(function):
        _loaders.append((order, function.__module__, function))
        return function

    return register


def run_all(log):
    autodiscover_modules("demo")
    for _order, _module, function in sorted(_loaders, key=lambda item: item[:2]):
        function(log)


def publish(page):
    page.save_revision().publish()


def prepared_stream(stream_block, value):
    """A StreamField value as stored JSON in the current format: every block and list item with its
    id (raw data written in the old list format gets ids here, once)."""
    value = stream_block.to_python(value) if isinstance(value, list) else value
    return [
        {"type": child.block_type, "value": child.block.get_prep_value(child.value), "id": child.id}
        for child in value
    ]


def merge(block, source, translated):
    """Source value (prepared JSON) of ``block`` with translated text leaves from ``translated``."""
    if translated is None:
        return source
    if isinstance(block, blocks.StructBlock):
        return {
            name: merge(child, source.get(name), translated.get(name))
            for name, child in block.child_blocks.items()
        }
    if isinstance(block, blocks.ListBlock):
        return [
            {**item, "value": merge(block.child_block, item["value"], text)}
            for item, text in zip(source, translated, strict=True)
        ]
    if isinstance(block, blocks.StreamBlock):
        return [
            {
                **child,
                "value": merge(block.child_blocks[child["type"]], child["value"], text["value"]),
            }
            for child, text in zip(source, translated, strict=True)
        ]
    return translated if block_is_translatable(block) else source


def translate(source_page, data, code, log):
    """Create and publish the ``code`` translation of ``source_page`` from ``data``; a translation
    that is already live is left as it is."""
    locale = Locale.objects.get(language_code=code)
    existing = source_page.get_translation_or_none(locale)
    if existing is not None and existing.live:
        return existing.specific
    page = (existing or source_page.copy_for_translation(locale)).specific
    for name in translatable_field_names(type(page)):
        if name not in data:
            continue
        source_value = getattr(page, name)  # the copy of the source, with its block ids
        if hasattr(source_value, "stream_block"):
            prepared = prepared_stream(source_value.stream_block, source_value)
            setattr(page, name, merge(source_value.stream_block, prepared, data[name]))
        else:
            setattr(page, name, data[name])
    publish(page)
    log(f"Published “{page.title}” ({code}).")
    return page


def source_child(parent, model, log, **fields):
    """The page of type ``model`` with ``fields["slug"]`` under ``parent``, created and published
    from ``fields`` on first run (the source language's content)."""
    existing = model.objects.child_of(parent).filter(slug=fields["slug"]).first()
    if existing is not None:
        return existing
    for name, value in fields.items():
        field = model._meta.get_field(name)
        if hasattr(field, "stream_block"):  # block ids from the start: translations keep them
            fields[name] = prepared_stream(field.stream_block, value)
    page = model(**fields)
    parent.add_child(instance=page)
    publish(page)
    log(f"Created the Danish {model._meta.verbose_name} “{page.title}”.")
    return page


def is_live_in(page, code):
    """Whether ``page`` has a live translation in ``code`` (demo content hangs under it)."""
    translated = page.get_translation_or_none(Locale.objects.get(language_code=code))
    return translated is not None and translated.live
