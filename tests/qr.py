"""Decoding the QR codes a page shows, from the inline SVG in its HTML.

segno draws the dark modules as one path of horizontal strokes (``M x y`` / ``m dx dy`` moves and
``h n`` lines, one module high). The path is rasterised here with Pillow and decoded with
zxing-cpp, so the test checks the very SVG the reader's printer gets.
"""

import re

import zxingcpp
from PIL import Image, ImageDraw

SCALE = 8
TOKEN = re.compile(r"([MmHh])\s*(-?[\d.]+)(?:[ ,](-?[\d.]+))?")


def rasterise(svg_tag):
    """A Pillow image of a segno SVG element (a BeautifulSoup tag)."""
    width, height = (float(n) for n in svg_tag["viewbox"].split()[2:])
    image = Image.new("L", (int(width * SCALE), int(height * SCALE)), 255)
    draw = ImageDraw.Draw(image)
    path = svg_tag.select_one("path.qrline")["d"]
    x = y = 0.0
    for command, first, second in TOKEN.findall(path):
        if command == "M":
            x, y = float(first), float(second)
        elif command == "m":
            x, y = x + float(first), y + float(second)
        else:
            length = float(first) if command == "h" else float(first) - x
            top = (y - 0.5) * SCALE
            draw.rectangle([x * SCALE, top, (x + length) * SCALE - 1, top + SCALE - 1], fill=0)
            x += length
    return image


def decode(svg_tag):
    """The text encoded in a QR code SVG element."""
    results = zxingcpp.read_barcodes(rasterise(svg_tag))
    assert results, "no QR code found in the SVG"
    return results[0].text
