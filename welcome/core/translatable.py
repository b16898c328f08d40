"""Field policy as data: which fields are translated per language and which are synchronised from
the Danish source (facts, media, links). The translation engine reads these declarations.

Inside a StreamField declared translatable, text leaves (CharBlock, TextBlock, RichTextBlock) are
translated and every other block value is synchronised. A text block holding a fact (an address)
opts out with ``translatable=False`` in its Meta or constructor.
"""

from dataclasses import dataclass

from wagtail import blocks


@dataclass(frozen=True)
class TranslatableField:
    """Text that is written anew in every language."""

    name: str


@dataclass(frozen=True)
class SynchronisedField:
    """A value copied from the source language into every translation."""

    name: str


TEXT_BLOCKS = (blocks.CharBlock, blocks.TextBlock, blocks.RichTextBlock)


def block_is_translatable(block):
    explicit = getattr(block.meta, "translatable", None)
    if explicit is not None:
        return explicit
    return isinstance(block, TEXT_BLOCKS)


def translatable_field_names(model):
    return [f.name for f in model.translation_fields if isinstance(f, TranslatableField)]


def synchronised_field_names(model):
    return [f.name for f in model.translation_fields if isinstance(f, SynchronisedField)]
