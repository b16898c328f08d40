"""What a printed leaflet shows: paper size, an optional Danish companion text (beside or on facing
pages), the QR code to the web version and the footer. Used by the print view and by the PDF."""

from dataclasses import dataclass, field

from babel.dates import format_date
from django.db import models
from django.utils import timezone, translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from welcome.core.qr import qr_svg
from welcome.languages import registry


class PaperSize(models.TextChoices):
    A4 = "a4", "A4"
    A5 = "a5", "A5"


class Bilingual(models.TextChoices):
    NONE = "", _("Only this language")
    BESIDE = "beside", _("Danish beside this language")
    FACING = "facing", _("Danish on facing pages")


@dataclass(frozen=True)
class PrintOptions:
    size: str = PaperSize.A4
    bilingual: str = Bilingual.NONE

    @classmethod
    def from_query(cls, query):
        """Options from a query string; unknown values fall back to the defaults."""
        size = query.get("size", "")
        bilingual = query.get("bilingual", "")
        return cls(
            size=size if size in PaperSize.values else PaperSize.A4,
            bilingual=bilingual if bilingual in Bilingual.values else Bilingual.NONE,
        )

    @property
    def query_string(self):
        """``?size=a5&bilingual=beside`` for links that keep these options (empty for defaults)."""
        values = {"size": self.size, "bilingual": self.bilingual}
        defaults = {"size": PaperSize.A4, "bilingual": Bilingual.NONE}
        changed = {key: value for key, value in values.items() if value != defaults[key]}
        return f"?{urlencode(changed)}" if changed else ""

    def without_companion(self):
        return PrintOptions(size=self.size)


@dataclass
class BlockPair:
    """A block of the printed language and the same block in the Danish source (either may be
    missing when the translation's blocks differ from the source's)."""

    target: object = None
    source: object = None


@dataclass
class Chapter:
    """Pairs printed together on one spread: a section and the blocks that follow it."""

    pairs: list = field(default_factory=list)


def pair_blocks(target_stream, source_stream):
    """Pair each block of the translation with its source block: by block id, which translations
    keep, else by position. Source blocks with no partner follow at the end."""
    source_blocks = list(source_stream)
    target_blocks = list(target_stream)
    by_id = {block.id: block for block in source_blocks}
    target_ids = {block.id for block in target_blocks}
    used = set()
    pairs = []
    for index, block in enumerate(target_blocks):
        partner = by_id.get(block.id)
        if partner is None and index < len(source_blocks):
            candidate = source_blocks[index]
            if (
                candidate.id not in target_ids
                and candidate.id not in used
                and candidate.block_type == block.block_type
            ):
                partner = candidate
        if partner is not None:
            used.add(partner.id)
        pairs.append(BlockPair(target=block, source=partner))
    pairs.extend(BlockPair(source=block) for block in source_blocks if block.id not in used)
    return pairs


def chapters(pairs, starts_with="section"):
    """Group pairs into chapters, a new one at each ``starts_with`` block (facing pages)."""
    grouped = []
    for pair in pairs:
        block = pair.target or pair.source
        if not grouped or block.block_type == starts_with:
            grouped.append(Chapter())
        grouped[-1].pairs.append(pair)
    return grouped


def local_date(moment, code):
    """``moment`` as a date in ``code``'s own words (``12. marts 2025``, ``١٢ مارس ٢٠٢٥``)."""
    if moment is None:
        return ""
    return format_date(timezone.localtime(moment).date(), format="long", locale=code)


@dataclass(frozen=True)
class Footer:
    edition: str
    date: str
    is_translation: bool


def footer(page):
    code = page.locale.language_code
    return Footer(
        edition=page.edition,
        date=local_date(page.translation_date(), code),
        is_translation=code != registry.source().code,
    )


def print_context(page, request, options):
    """Template context for the print view and the PDF of ``page``."""
    source = page.source_companion()
    companion = source if options.bilingual else None
    if companion is None:
        options = options.without_companion()
    web_url = request.build_absolute_uri(page.get_url(request))
    with translation.override(page.locale.language_code):
        qr_title = _("QR code: this leaflet on the web, %(url)s") % {"url": web_url}
    context = {
        "options": options,
        "paper_sizes": PaperSize,
        "bilingual_choices": Bilingual,
        "bilingual_available": source is not None,
        "companion": companion,
        "companion_language": registry.get(companion.locale.language_code) if companion else None,
        "web_url": web_url,
        "qr_svg": qr_svg(web_url, str(qr_title)),
        "footer": footer(page),
        "companion_footer": footer(companion) if companion else None,
    }
    if companion is not None:
        pairs = pair_blocks(page.sections, companion.sections)
        context["pairs"] = pairs
        context["chapters"] = chapters(pairs)
    return context
