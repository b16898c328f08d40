from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from welcome.core.blocks import (
    CallToActionBlock,
    ContactCardBlock,
    HeadingBlock,
    ParagraphBlock,
    StepsBlock,
)


class VideoBodyBlock(blocks.StreamBlock):
    """Text shown under a video: what to do after watching it."""

    heading = HeadingBlock(label=_("Heading"))
    paragraph = ParagraphBlock(label=_("Paragraph"))
    steps = StepsBlock(label=_("Numbered steps"))
    contact = ContactCardBlock(label=_("Contact card"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
