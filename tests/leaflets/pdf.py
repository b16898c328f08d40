"""Reading a PDF the way the tests need: its text and its embedded fonts."""

import io

from pypdf import PdfReader


def reader(response):
    return PdfReader(io.BytesIO(response.content))


def text(response):
    """The PDF's text with line breaks and runs of spaces as single spaces."""
    return " ".join(" ".join(page.extract_text() for page in reader(response).pages).split())


def embedded_fonts(response):
    """``{font name: embedded?}`` for the fonts the PDF uses."""
    fonts = {}
    for page in reader(response).pages:
        for font in page["/Resources"].get("/Font", {}).values():
            font = font.get_object()
            descendants = font.get("/DescendantFonts")
            descriptor = (descendants[0].get_object() if descendants else font).get(
                "/FontDescriptor"
            )
            descriptor = descriptor.get_object() if descriptor else {}
            name = str(font["/BaseFont"]).split("+")[-1]
            fonts[name] = any(
                key in descriptor for key in ("/FontFile", "/FontFile2", "/FontFile3")
            )
    return fonts


def has_words(extracted, phrase):
    """Whether every word of ``phrase`` is in the extracted text. Right-to-left lines that mix in
    neutral punctuation (a dash) come out of a PDF in visual order, so phrases are compared as
    words; short phrases without such punctuation can be compared whole."""
    words = set(extracted.replace("–", " ").split())
    return all(word in words for word in phrase.replace("–", " ").split())


def font_families(response):
    """Embedded font names without separators: ``NotoNaskhArabicBold``."""
    return {name.replace("-", ""): embedded for name, embedded in embedded_fonts(response).items()}
