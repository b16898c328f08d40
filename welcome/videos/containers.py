"""Recognising video files by their content (magic bytes), never by their name.

MP4: an ISO base media file whose first box is ``ftyp`` with a video brand. WebM: an EBML file
whose header names the ``webm`` document type (plain Matroska is not WebM and is refused).
"""

MP4 = "video/mp4"
WEBM = "video/webm"

EXTENSIONS = {MP4: (".mp4", ".m4v"), WEBM: (".webm",)}
LABELS = {MP4: "MP4", WEBM: "WebM"}
MP4_BRANDS = {
    b"isom",
    b"iso2",
    b"iso4",
    b"iso5",
    b"iso6",
    b"mp41",
    b"mp42",
    b"avc1",
    b"dash",
    b"M4V ",
    b"msnv",
}
EBML_MAGIC = b"\x1a\x45\xdf\xa3"
EBML_DOCTYPE = 0x4282
HEAD_BYTES = 64


def _vint(data, position, keep_marker=False):
    """An EBML variable-length integer at ``position``: ``(value, next position)``."""
    first = data[position]
    length = 1
    while length <= 8 and not first & (0x80 >> (length - 1)):
        length += 1
    if length > 8 or position + length > len(data):
        raise ValueError("bad EBML integer")
    value = first if keep_marker else first & (0xFF >> length)
    for byte in data[position + 1 : position + length]:
        value = (value << 8) | byte
    return value, position + length


def _ebml_doctype(data):
    try:
        header_size, position = _vint(data, len(EBML_MAGIC))
        end = min(position + header_size, len(data))
        while position < end:
            element, position = _vint(data, position, keep_marker=True)
            size, position = _vint(data, position)
            if element == EBML_DOCTYPE:
                return data[position : position + size].rstrip(b"\x00")
            position += size
    except (ValueError, IndexError):
        return None
    return None


def sniff(head):
    """The media type of a file starting with ``head`` (its first bytes): MP4, WebM or None."""
    if len(head) >= 12 and head[4:8] == b"ftyp" and head[8:12] in MP4_BRANDS:
        return MP4
    if head.startswith(EBML_MAGIC) and _ebml_doctype(head) == b"webm":
        return WEBM
    return None


def read_head(file, count=HEAD_BYTES):
    """The first ``count`` bytes of an uploaded or stored file, leaving its position unchanged."""
    position = file.tell() if hasattr(file, "tell") else 0
    file.seek(0)
    head = file.read(count)
    file.seek(position)
    return head
