"""Blocks shared by page types. Text leaves are translated; facts (addresses, phone numbers, opening
hours, links, images) are synchronised from the Danish source (see welcome.core.translatable)."""

import re

from babel.dates import format_time, get_day_names
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.encoding import force_str
from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images.blocks import ImageChooserBlock

RICH_TEXT_FEATURES = ["bold", "italic", "link", "ol", "ul"]


class Weekday(blocks.ChoiceBlock):
    choices = [
        ("0", _("Monday")),
        ("1", _("Tuesday")),
        ("2", _("Wednesday")),
        ("3", _("Thursday")),
        ("4", _("Friday")),
        ("5", _("Saturday")),
        ("6", _("Sunday")),
    ]
    keys = frozenset(key for key, _label in choices)

    def normalize_choice(self, value):
        """What Wagtail's does (the stored value as its choice key), without building the list of
        choices and their translated labels for every day read from every page."""
        if value is None:
            return None
        text = force_str(value)
        return text if text in self.keys else value


class HeadingBlock(blocks.CharBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("max_length", 120)
        kwargs.setdefault("help_text", _("A short heading for the section that follows."))
        super().__init__(**kwargs)

    class Meta:
        icon = "title"
        template = "blocks/heading.html"


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        kwargs.setdefault("features", RICH_TEXT_FEATURES)
        super().__init__(**kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph.html"


class StepBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=120, help_text=_("What to do, in a few words."))
    text = blocks.TextBlock(required=False, help_text=_("Details of the step (optional)."))

    class Meta:
        icon = "tick"


class StepsBlock(blocks.StructBlock):
    heading = HeadingBlock(required=False)
    steps = blocks.ListBlock(StepBlock(), min_num=1)

    class Meta:
        icon = "list-ol"
        template = "blocks/steps.html"
        help_text = _("Numbered steps a reader follows in order.")


class PhoneBlock(blocks.RegexBlock):
    def __init__(self, **kwargs):
        super().__init__(
            regex=r"^\+?[0-9][0-9 ()-]{5,19}$",
            error_messages={
                "invalid": _("Enter a phone number: digits, spaces and an optional leading +.")
            },
            **kwargs,
        )

    class Meta:
        icon = "mobile-alt"


def tel_href(number):
    """``tel:`` link target for a phone number as editors write it (``+45 33 66 33 66``)."""
    return "tel:" + re.sub(r"[^0-9+]", "", number)


class OpeningHoursBlock(blocks.StructBlock):
    first_day = Weekday(help_text=_("First day of the period."))
    last_day = Weekday(required=False, help_text=_("Last day of the period (empty: one day)."))
    opens = blocks.TimeBlock(help_text=_("Opening time."))
    closes = blocks.TimeBlock(help_text=_("Closing time."))

    class Meta:
        icon = "time"

    def clean(self, value):
        value = super().clean(value)
        errors = {}
        if value["opens"] and value["closes"] and value["closes"] <= value["opens"]:
            errors["closes"] = ValidationError(
                _("The closing time must be after the opening time.")
            )
        if value["last_day"] and int(value["last_day"]) < int(value["first_day"]):
            errors["last_day"] = ValidationError(_("The last day must come after the first day."))
        if errors:
            raise StructBlockValidationError(block_errors=errors)
        return value

    @staticmethod
    def describe(value):
        """Days and hours in the reader's language, e.g. ``Mon–Fri 10:00–15:00``."""
        locale = translation.to_locale(translation.get_language() or "da")
        names = get_day_names("abbreviated", locale=locale)
        days = names[int(value["first_day"])]
        if value["last_day"] and value["last_day"] != value["first_day"]:
            days = f"{days}–{names[int(value['last_day'])]}"
        hours = "–".join(
            format_time(value[key], "HH:mm", locale=locale) for key in ("opens", "closes")
        )
        return days, hours


class ContactCardBlock(blocks.StructBlock):
    name = blocks.CharBlock(max_length=120, help_text=_("Who to contact, e.g. Borgerservice."))
    address = blocks.TextBlock(
        required=False,
        translatable=False,
        help_text=_("Street address. The same in every language."),
    )
    phone = PhoneBlock(required=False, help_text=_("Phone number with country code."))
    email = blocks.EmailBlock(required=False)
    website = blocks.URLBlock(required=False)
    opening_hours = blocks.ListBlock(OpeningHoursBlock(), min_num=0, default=[])
    note = blocks.TextBlock(
        required=False, help_text=_("Anything else to know, e.g. book a time first.")
    )

    class Meta:
        icon = "mail"
        template = "blocks/contact_card.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["phone_href"] = tel_href(value["phone"]) if value["phone"] else ""
        context["hours"] = [OpeningHoursBlock.describe(period) for period in value["opening_hours"]]
        return context


class ImageBlock(blocks.StructBlock):
    image = ImageChooserBlock()
    alt_text = blocks.CharBlock(
        max_length=250,
        help_text=_("Describe the image for readers who cannot see it."),
    )
    caption = blocks.CharBlock(required=False, max_length=250)

    class Meta:
        icon = "image"
        template = "blocks/image.html"


class CallToActionBlock(blocks.StructBlock):
    label = blocks.CharBlock(max_length=80, help_text=_("What the button says, e.g. Book a time."))
    page = blocks.PageChooserBlock(required=False, help_text=_("A page on this site, or ..."))
    url = blocks.URLBlock(required=False, help_text=_("... an address on another site."))

    class Meta:
        icon = "link"
        template = "blocks/call_to_action.html"

    def clean(self, value):
        value = super().clean(value)
        if bool(value["page"]) == bool(value["url"]):
            raise StructBlockValidationError(
                non_block_errors=[ValidationError(_("Choose either a page or an address."))]
            )
        return value

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        page = value["page"]
        # The chosen page is in the source language; link to the reader's translation of it.
        context["href"] = page.localized.url if page else value["url"]
        return context
