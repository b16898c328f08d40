from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from welcome.core.blocks import (
    CallToActionBlock,
    ContactCardBlock,
    HeadingBlock,
    ImageBlock,
    ParagraphBlock,
    StepsBlock,
)


class TopicBodyBlock(blocks.StreamBlock):
    heading = HeadingBlock(label=_("Heading"))
    paragraph = ParagraphBlock(label=_("Paragraph"))
    steps = StepsBlock(label=_("Numbered steps"))
    contact = ContactCardBlock(label=_("Contact card"))
    image = ImageBlock(label=_("Image"))
    call_to_action = CallToActionBlock(label=_("Call to action"))
