"""Sharing with other cities: export → import round trip, import from a URL, and strict refusal of
anything malformed, with nothing imported. Never touches the internet: files and a local server."""

import copy
import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from django.core.management import CommandError, call_command

from welcome.practices.models import PracticeIndexPage, PracticePage
from welcome.practices.sharing import importer, serialise
from welcome.practices.sharing.validation import DocumentError

from .factories import make_practice

pytestmark = pytest.mark.django_db


@pytest.fixture(scope="module")
def shared_ids(module_library_id):
    """Two public practices and an internal one, as Copenhagen would export them; and the export
    document, built once for the module."""
    library = PracticeIndexPage.objects.get(pk=module_library_id)
    first = make_practice(
        library,
        slug="sms",
        title="SMS-påmindelser",
        summary="Påmindelser på modersmålet.",
        challenge="Kursister mistede deres plads.",
        what_was_done='<p>Vi sendte <b>SMS</b> på <a href="https://www.kk.dk">tolv sprog</a>.</p>',
        results="<ul><li>80 % gennemførte</li></ul>",
        key_figures=[("figure", {"value": "80 %", "label": "gennemførte"})],
        cost_dkk=45000,
        cost_note="om året",
        contact_role="Vejleder",
        started_on="2021-09-01",
        channels=["text-message"],
        target_groups=["danish-learners"],
        languages=["ar", "so", "ti"],
        departments=["bif"],
        focus_areas=["working-life"],
    )
    second = make_practice(
        library,
        slug="skilte",
        title="Velkomstskilte",
        summary="Skilte på ni sprog.",
        channels=["sign"],
        languages=["da", "uk"],
        status="piloted",
    )
    second.related_links = [importer.RelatedPractice(practice=first)]
    second.attachments = [
        importer.PracticeAttachment(title="Skiltet som PDF", url="https://example.org/skilt.pdf")
    ]
    second.save_revision().publish()
    make_practice(library, slug="intern", title="Intern", visibility="internal")
    return first.pk, second.pk, serialise.export("da", "https://kk.example")


@pytest.fixture
def shared(shared_ids, db):
    return [PracticePage.objects.get(pk=pk) for pk in shared_ids[:2]]


def export_to(tmp_path, name="export.json"):
    path = tmp_path / name
    call_command("export_practices", lang="da", output=str(path), base_url="https://kk.example")
    return path


def comparable(item):
    """What survives a trip to another city: everything but our ids, URLs and organisation."""
    kept = copy.deepcopy(item)
    for name in ("id", "url", "departments", "focus_areas", "goals", "published_at", "updated_at"):
        kept.pop(name)
    kept["related"] = len(kept["related"])
    kept.pop("source")
    kept["contact"].pop("department")
    return kept


def test_export_then_import_gives_the_same_practices_with_attribution(shared, tmp_path):
    path = export_to(tmp_path)
    exported = json.loads(path.read_text(encoding="utf-8"))
    assert [p["title"] for p in exported["practices"]] == ["Velkomstskilte", "SMS-påmindelser"]
    PracticePage.objects.filter(slug__in=["sms", "skilte", "intern"]).delete()

    call_command("import_practices", str(path))

    imported = PracticePage.objects.live().order_by("title")
    assert [p.title for p in imported] == ["SMS-påmindelser", "Velkomstskilte"]
    for practice in imported:
        assert practice.is_external
        assert practice.source_name == "Københavns Kommune"
        assert practice.source_url.startswith("https://kk.example/da/practices/")
        assert practice.department is None
        assert practice.visibility == "public"
    again = serialise.export("da", "https://kk.example")
    assert [comparable(p) for p in again["practices"]] == [
        comparable(p) for p in exported["practices"]
    ]
    sms = PracticePage.objects.get(title="SMS-påmindelser")
    assert sms.source_department == "Beskæftigelses- og Integrationsforvaltningen"
    skilte = PracticePage.objects.get(title="Velkomstskilte")
    assert [link.practice for link in skilte.related_links.all()] == [sms]


def test_importing_the_same_export_again_updates_instead_of_copying(shared, tmp_path, capsys):
    path = export_to(tmp_path)
    call_command("import_practices", str(path))
    external = PracticePage.objects.exclude(source_name="")
    assert external.count() == 2

    call_command("import_practices", str(path))

    assert PracticePage.objects.exclude(source_name="").count() == 2
    assert "0 new, 2 updated" in capsys.readouterr().out


@pytest.fixture
def document(shared_ids):
    """A valid export (a fresh copy each test may change)."""
    return copy.deepcopy(shared_ids[2])


def broken(mutate):
    def apply(document):
        mutate(document)
        return json.dumps(document, ensure_ascii=False).encode()

    return apply


MALFORMED = {
    "not json": (lambda d: b"{this is not json", "Not valid JSON"),
    "not utf-8": (lambda d: json.dumps(d).encode("utf-16"), "not UTF-8"),
    "duplicate key": (lambda d: b'{"format": "velkommen-practices", "format": 1}', "Duplicate key"),
    "NaN": (
        broken(lambda d: None),
        None,
    ),
    "wrong version": (broken(lambda d: d.update(version=2)), "document.version: must be 1"),
    "no title": (
        broken(lambda d: d["practices"][1].pop("title")),
        "document.practices[1]: 'title' is required",
    ),
    "summary too long": (
        broken(lambda d: d["practices"][0].update(summary="x" * 501)),
        "document.practices[0].summary: must be at most 500 characters",
    ),
    "javascript url": (
        broken(lambda d: d["practices"][0].update(url="javascript:alert(1)")),
        "is not a valid uri",
    ),
    "unknown field": (
        broken(lambda d: d["practices"][0].update(secret_field=1)),
        "unknown field 'secret_field'",
    ),
    "bad status": (
        broken(lambda d: d["practices"][0]["status"].update(code="perfect")),
        "document.practices[0].status.code: must be one of",
    ),
    "duplicate ids": (
        broken(lambda d: d["practices"][1].update(id=d["practices"][0]["id"])),
        "appears twice",
    ),
    "unknown language code": (
        broken(lambda d: d["practices"][0]["languages"].append({"code": "qqq", "name": "?"})),
        "unknown language 'qqq'",
    ),
    "inactive document language": (
        broken(lambda d: d.update(language="ti")),
        "'ti' is not an active language here",
    ),
    "end before start": (
        broken(lambda d: d["practices"][1].update(ended_on="2020-01-01")),
        "ended_on: is before started_on",
    ),
    "bad date": (
        broken(lambda d: d["practices"][1].update(started_on="2021-13-45")),
        "is not a valid date",
    ),
    "wrong type": (
        broken(lambda d: d["practices"][0]["cost"].update(amount_dkk="45000")),
        "amount_dkk: must be of type integer or null",
    ),
}


@pytest.mark.parametrize("case", sorted(MALFORMED))
def test_a_malformed_export_is_refused_with_a_clear_error_and_nothing_is_imported(
    shared, document, tmp_path, case
):
    document["practices"][1]["started_on"] = "2021-06-01"
    make, message = MALFORMED[case]
    raw = make(document)
    if case == "NaN":
        raw = raw.replace(b'"cost_dkk": 45000', b'"cost_dkk": NaN', 1)
        raw = raw.replace(b'"amount_dkk": 45000', b'"amount_dkk": NaN', 1)
        message = "NaN is not allowed"
    path = tmp_path / "broken.json"
    path.write_bytes(raw)
    before = sorted(PracticePage.objects.values_list("pk", "title", "latest_revision_id"))

    with pytest.raises(CommandError) as error:
        call_command("import_practices", str(path))

    assert "Nothing was imported" in str(error.value)
    assert message in str(error.value)
    assert sorted(PracticePage.objects.values_list("pk", "title", "latest_revision_id")) == before


def test_a_failure_while_writing_rolls_everything_back(shared, document, tmp_path, monkeypatch):
    for position, item in enumerate(document["practices"]):
        item["id"] = f"other-city-{position}"
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    before = PracticePage.objects.count()
    calls = []
    original = importer.Importer.save

    def fail_on_second(self, library, item):
        calls.append(item["id"])
        if len(calls) == 2:
            raise RuntimeError("disk full")
        return original(self, library, item)

    monkeypatch.setattr(importer.Importer, "save", fail_on_second)

    with pytest.raises(RuntimeError):
        importer.import_practices(str(path))

    assert PracticePage.objects.count() == before


def test_rich_text_from_another_city_is_cleaned(shared, document, tmp_path):
    document["practices"][0]["what_was_done"] = (
        '<p onclick="x()">Hej <script>alert(1)</script><a href="javascript:alert(2)">link</a>'
        ' <a href="https://ok.example">ok</a><img src="https://x.example/t.gif"></p>'
    )
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")
    PracticePage.objects.filter(slug__in=["sms", "skilte"]).delete()

    importer.import_practices(str(path))

    html = PracticePage.objects.get(title="Velkomstskilte").what_was_done
    assert "script" not in html and "onclick" not in html and "javascript" not in html
    assert "<img" not in html
    assert '<a href="https://ok.example">ok</a>' in html


def test_unknown_channels_are_reported_not_guessed(shared, document, tmp_path, capsys):
    document["practices"][0]["channels"].append({"code": "carrier-pigeon", "name": "Brevdue"})
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document), encoding="utf-8")

    call_command("import_practices", str(path))

    assert "Not mapped (channels, unknown here): carrier-pigeon" in capsys.readouterr().out


def test_a_missing_file_is_a_clear_error(db):
    with pytest.raises(CommandError, match="There is no file"):
        call_command("import_practices", "/nonexistent/export.json")


# --- Importing from a URL: a local HTTP server, never the internet --------------------------------


class LocalServer:
    """Serves ``routes``: path → (status, body bytes, delay seconds, extra headers)."""

    def __init__(self):
        self.routes = {}
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):
                status, body, delay, headers = server.routes.get(
                    self.path, (404, b"not found", 0, {})
                )
                self.send_response(status)
                for name, value in headers.items():
                    self.send_header(name, value)
                self.send_header("Content-Type", "application/json")
                self.end_headers()
                if delay:
                    for chunk in range(0, len(body), 1024):
                        self.wfile.write(body[chunk : chunk + 1024])
                        self.wfile.flush()
                        time.sleep(delay)
                else:
                    self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.httpd = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.url = f"http://127.0.0.1:{self.httpd.server_address[1]}"
        self.thread = threading.Thread(target=self.httpd.serve_forever, daemon=True)

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.httpd.shutdown()
        self.httpd.server_close()


@pytest.fixture
def server():
    with LocalServer() as running:
        yield running


def test_import_from_an_api_url_follows_its_pages(shared, document, server):
    first, second = copy.deepcopy(document), copy.deepcopy(document)
    first["practices"], second["practices"] = document["practices"][:1], document["practices"][1:]
    first.update(page=1, pages=2, page_size=1, next=f"{server.url}/api/practices/?page=2")
    second.update(page=2, pages=2, page_size=1, previous=f"{server.url}/api/practices/?page=1")
    server.routes["/api/practices/?page=1"] = (200, json.dumps(first).encode(), 0, {})
    server.routes["/api/practices/?page=2"] = (200, json.dumps(second).encode(), 0, {})
    PracticePage.objects.filter(slug__in=["sms", "skilte"]).delete()

    report = importer.import_practices(f"{server.url}/api/practices/?page=1")

    assert sorted(report.created) == ["SMS-påmindelser", "Velkomstskilte"]
    assert PracticePage.objects.exclude(source_name="").count() == 2


def test_a_next_link_to_another_site_is_refused(shared, document, server):
    document.update(page=1, pages=2, page_size=2, next="https://elsewhere.example/api/?page=2")
    server.routes["/export"] = (200, json.dumps(document).encode(), 0, {})
    before = PracticePage.objects.count()

    with pytest.raises(DocumentError, match="Refused to follow"):
        importer.import_practices(f"{server.url}/export")

    assert PracticePage.objects.count() == before


def test_an_export_larger_than_the_limit_is_refused(shared, document, server):
    body = json.dumps(document).encode()
    server.routes["/big"] = (200, body, 0, {})
    before = PracticePage.objects.count()

    with pytest.raises(DocumentError, match="larger than 1000 bytes"):
        importer.import_practices(f"{server.url}/big", max_bytes=1000)

    assert PracticePage.objects.count() == before


def test_a_slow_server_is_given_up_on(shared, document, server):
    body = json.dumps(document).encode()
    server.routes["/slow"] = (200, body, 0.3, {})
    before = PracticePage.objects.count()

    started = time.monotonic()
    with pytest.raises(DocumentError, match=r"took longer than|timed out"):
        importer.import_practices(f"{server.url}/slow", timeout=0.5)

    assert time.monotonic() - started < 5
    assert PracticePage.objects.count() == before


def test_http_errors_and_other_schemes_are_clear_errors(db, server):
    with pytest.raises(DocumentError, match="answered 404"):
        importer.import_practices(f"{server.url}/missing")
    with pytest.raises(DocumentError, match="Only http and https"):
        importer.import_practices("file:///etc/passwd")


def test_a_redirect_away_from_http_is_refused(db, server):
    # urllib itself would follow a redirect to ftp:
    server.routes["/redirect"] = (302, b"", 0, {"Location": "ftp://127.0.0.1/export.json"})

    with pytest.raises(DocumentError, match="Refused a redirect"):
        importer.import_practices(f"{server.url}/redirect")
