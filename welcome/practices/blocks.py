from django.utils.translation import gettext_lazy as _
from wagtail import blocks


class KeyFigureBlock(blocks.StructBlock):
    """A result in numbers. Both parts are translated: numbers are written the reader's way
    (2.400 in Danish, 2,400 in English), and the translation engine checks that they agree."""

    value = blocks.CharBlock(max_length=30, help_text=_("The figure, e.g. 2.400 or 85 %."))
    label = blocks.CharBlock(
        max_length=160, help_text=_("What the figure counts, e.g. families reached in 2012.")
    )

    class Meta:
        icon = "order"
        template = "practices/blocks/key_figure.html"
        label = _("Key figure")
