"""Server-rendered, accessible bar charts: plain SVG (no script, no external service), named by a
<title> and described by a <desc>; every chart is shown beside a table with the same figures."""

from dataclasses import dataclass

from django.utils.html import format_html, format_html_join

WIDTH = 640
LABEL_WIDTH = 220
VALUE_WIDTH = 90
BAR_HEIGHT = 22
GAP = 8


@dataclass(frozen=True)
class Bar:
    label: str
    value: float
    text: str  # the value as the table shows it ("12", "5 of 7")


def bar_chart(chart_id, title, description, bars, maximum=None):
    """A horizontal bar chart as safe SVG markup. ``maximum`` fixes the scale (100 for percent);
    by default the largest value fills the width."""
    if not bars:
        return ""
    maximum = maximum or max(bar.value for bar in bars) or 1
    span = WIDTH - LABEL_WIDTH - VALUE_WIDTH
    height = len(bars) * (BAR_HEIGHT + GAP) + GAP
    rows = []
    for index, bar in enumerate(bars):
        y = GAP + index * (BAR_HEIGHT + GAP)
        length = max(round(span * bar.value / maximum), 1 if bar.value else 0)
        rows.append(
            (
                y + BAR_HEIGHT * 0.7,
                _shorten(bar.label),
                LABEL_WIDTH,
                y,
                length,
                BAR_HEIGHT,
                LABEL_WIDTH + length + 6,
                y + BAR_HEIGHT * 0.7,
                bar.text,
            )
        )
    body = format_html_join(
        "",
        '<g><text x="0" y="{}" font-size="13" fill="#1d1d1d">{}</text>'
        '<rect x="{}" y="{}" width="{}" height="{}" fill="#005a70"></rect>'
        '<text x="{}" y="{}" font-size="13" fill="#1d1d1d">{}</text></g>',
        rows,
    )
    return format_html(
        '<svg class="chart" id="{id}" role="img" aria-labelledby="{id}-title {id}-desc" '
        'viewBox="0 0 {w} {h}" width="100%" preserveAspectRatio="xMinYMin meet" '
        'xmlns="http://www.w3.org/2000/svg">'
        '<title id="{id}-title">{title}</title><desc id="{id}-desc">{desc}</desc>'
        "{body}</svg>",
        id=chart_id,
        w=WIDTH,
        h=height,
        title=title,
        desc=description,
        body=body,
    )


def _shorten(label, length=30):
    return label if len(label) <= length else label[: length - 1] + "…"
