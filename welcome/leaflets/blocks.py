"""Blocks of a welcome leaflet. Text leaves are translated; contact facts and opening hours are
synchronised from the Danish source (see welcome.core.translatable)."""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks

from welcome.core.blocks import (
    ContactCardBlock,
    HeadingBlock,
    ImageBlock,
    OpeningHoursBlock,
    ParagraphBlock,
    StepsBlock,
)


class SectionBlock(blocks.StructBlock):
    heading = HeadingBlock()
    text = ParagraphBlock(help_text=_("The text of the section. Short sentences, everyday words."))

    class Meta:
        icon = "doc-full"
        template = "blocks/leaflet_section.html"
        help_text = _("A section with a heading and text.")


class ChecklistBlock(blocks.StructBlock):
    heading = HeadingBlock(required=False)
    items = blocks.ListBlock(
        blocks.CharBlock(max_length=200, help_text=_("One thing to bring or to do.")),
        min_num=1,
    )

    class Meta:
        icon = "tasks"
        template = "blocks/checklist.html"
        help_text = _("Things to bring or do, with a box to tick on paper.")


class OpeningHoursListBlock(blocks.StructBlock):
    place = blocks.CharBlock(max_length=120, help_text=_("Whose opening hours, e.g. the library."))
    periods = blocks.ListBlock(OpeningHoursBlock(), min_num=1)
    note = blocks.TextBlock(required=False, help_text=_("E.g. closed on public holidays."))

    class Meta:
        icon = "time"
        template = "blocks/opening_hours.html"
        help_text = _("Opening hours of one place.")

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["hours"] = [OpeningHoursBlock.describe(period) for period in value["periods"]]
        return context


class LeafletBodyBlock(blocks.StreamBlock):
    section = SectionBlock(label=_("Section"))
    checklist = ChecklistBlock(label=_("Checklist"))
    first_days = StepsBlock(label=_("Your first days (steps)"))
    contact = ContactCardBlock(label=_("Contact card"))
    opening_hours = OpeningHoursListBlock(label=_("Opening hours"))
    image = ImageBlock(label=_("Image"))
