"""Uploaded media is served with HTTP Range support (206, Content-Range, 416), without DEBUG."""

import pytest
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from hypothesis import given
from hypothesis import strategies as st

from welcome.core.media import ByteRange, RangeNotSatisfiable, parse_range

DATA = bytes(range(256)) * 40  # 10 240 bytes, every offset distinguishable by position


@pytest.fixture
def stored():
    name = default_storage.save("tests/range.bin", ContentFile(DATA))
    yield f"/media/{name}"
    default_storage.delete(name)


def body(response):
    return b"".join(response.streaming_content)


def test_whole_file_is_served_with_accept_ranges(client, stored):
    response = client.get(stored)

    assert response.status_code == 200
    assert response["Accept-Ranges"] == "bytes"
    assert response["Content-Length"] == str(len(DATA))
    assert body(response) == DATA


@pytest.mark.parametrize(
    ("header", "start", "end"),
    [
        ("bytes=0-99", 0, 99),
        ("bytes=1000-1999", 1000, 1999),
        ("bytes=10000-", 10000, 10239),
        ("bytes=-500", 9740, 10239),
        ("bytes=10200-99999", 10200, 10239),
    ],
)
def test_range_request_gets_206_with_exactly_those_bytes(client, stored, header, start, end):
    response = client.get(stored, HTTP_RANGE=header)

    assert response.status_code == 206
    assert response["Content-Range"] == f"bytes {start}-{end}/{len(DATA)}"
    assert response["Content-Length"] == str(end - start + 1)
    assert body(response) == DATA[start : end + 1]


@pytest.mark.parametrize("header", ["bytes=10240-", "bytes=99999-100000", "bytes=-0"])
def test_unsatisfiable_range_gets_416_with_the_file_size(client, stored, header):
    response = client.get(stored, HTTP_RANGE=header)

    assert response.status_code == 416
    assert response["Content-Range"] == f"bytes */{len(DATA)}"


@pytest.mark.parametrize("header", ["bytes=0-1,5-6", "items=0-5", "bytes=9-3", "nonsense"])
def test_ranges_it_does_not_serve_get_the_whole_file(client, stored, header):
    response = client.get(stored, HTTP_RANGE=header)

    assert response.status_code == 200
    assert body(response) == DATA


def test_if_range_with_a_stale_validator_gets_the_whole_file(client, stored):
    etag = client.get(stored)["ETag"]

    fresh = client.get(stored, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE=etag)
    stale = client.get(stored, HTTP_RANGE="bytes=0-9", HTTP_IF_RANGE='"0-0"')

    assert fresh.status_code == 206
    assert stale.status_code == 200


def test_revalidation_gets_304(client, stored):
    etag = client.get(stored)["ETag"]

    assert client.get(stored, HTTP_IF_NONE_MATCH=etag).status_code == 304


def test_media_cannot_run_scripts_when_opened_directly(client, stored):
    response = client.get(stored)

    assert "sandbox" in response["Content-Security-Policy"]
    assert response["X-Content-Type-Options"] == "nosniff"


@pytest.mark.parametrize(
    "path",
    ["/media/tests/missing.bin", "/media/../manage.py", "/media/documents/private.pdf"],
)
def test_missing_private_or_outside_files_are_not_found(client, db, path):
    assert client.get(path).status_code == 404


def test_posting_to_media_is_refused(client, stored):
    assert client.post(stored).status_code == 405


@given(size=st.integers(0, 5000), first=st.integers(0, 6000), last=st.integers(0, 6000))
def test_a_parsed_range_always_lies_inside_the_file(size, first, last):
    header = f"bytes={first}-{last}"
    try:
        byte_range = parse_range(header, size)
    except RangeNotSatisfiable:
        assert first >= size
        return
    if last < first:
        assert byte_range is None
        return
    assert byte_range == ByteRange(first, min(last, size - 1))
    assert 0 <= byte_range.start <= byte_range.end < size
