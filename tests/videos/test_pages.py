"""Video pages: the film, subtitle tracks in every language with native labels, the reader's
language as default track, a transcript per language, dubbed versions, streams."""

import pytest
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile

from welcome.languages import registry
from welcome.videos.models import DubbedVideo, SubtitleTrack, VideoPage

from ..factories import publish
from ..html import html_attrs, soup
from .factories import VideoFactory, VideoPageFactory, add_tracks

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("code", ["da", "ar", "ur"])
def test_video_page_renders_with_tracks_and_the_readers_default(client, films, code):
    page = films[code]

    response = client.get(page.url)

    assert response.status_code == 200
    assert response["Content-Type"] == "text/html; charset=utf-8"
    assert html_attrs(response) == (code, registry.get(code).direction)
    video = soup(response).select_one("article video")
    source = video.select_one("source")
    assert source["type"] == "video/mp4" and source["src"] == page.video.file.url
    tracks = video.select("track")
    assert [t["srclang"] for t in tracks] == ["da", "en", "ar", "ur"]
    assert [t["label"] for t in tracks] == ["Dansk", "English", "العربية", "اردو"]
    assert [t["srclang"] for t in tracks if t.has_attr("default")] == [code]
    assert {t["kind"] for t in tracks} == {"subtitles"}


@pytest.mark.parametrize("code", ["ar", "ur"])
def test_transcript_is_in_the_readers_language_by_default(client, films, code):
    response = client.get(films[code].url)

    transcript = soup(response).select_one("#transcript")
    assert (transcript["lang"], transcript["dir"]) == (code, "rtl")
    cues = SubtitleTrack.objects.get(page=films[code], language=code).cues
    assert cues[0]["text"] in transcript.get_text()


def test_the_reader_can_read_the_transcript_of_another_language(client, films):
    response = client.get(f"{films['ar'].url}?transcript=ur")

    transcript = soup(response).select_one("#transcript")
    assert transcript["lang"] == "ur"
    current = soup(response).select(".subtitle-list a[aria-current]")
    assert [a["lang"] for a in current] == ["ur"]


def test_choosing_a_language_under_the_film_makes_its_track_the_default(client, films):
    response = client.get(f"{films['ar'].url}?transcript=ur")

    tracks = soup(response).select("article video track")
    assert [t["srclang"] for t in tracks if t.has_attr("default")] == ["ur"]


def test_an_unknown_transcript_language_shows_the_default(client, films):
    response = client.get(f"{films['ar'].url}?transcript=<b>")

    assert soup(response).select_one("#transcript")["lang"] == "ar"
    tracks = soup(response).select("article video track")
    assert [t["srclang"] for t in tracks if t.has_attr("default")] == ["ar"]


def test_markup_in_cue_text_is_shown_escaped_in_the_transcript(client, films):
    page = films["da"]
    track = SubtitleTrack.objects.get(page=page, language="da")
    track.cues = [{"start": 0, "end": 900, "text": "<b>Hej</b> <script>alert('x')</script>"}]
    track.save()

    response = client.get(page.url)

    transcript = soup(response).select_one("#transcript")
    assert transcript.select("script, b") == []
    assert "Hej <script>alert('x')</script>" in transcript.get_text()
    assert "&lt;script&gt;alert(&#x27;x&#x27;)&lt;/script&gt;" in response.content.decode()


def test_without_a_track_in_the_readers_language_no_track_is_default(client, films):
    index = films["da"].get_parent()
    page = publish(add_tracks(VideoPageFactory(parent=index), languages=("ar",)))

    response = client.get(page.url)

    assert [t.has_attr("default") for t in soup(response).select("track")] == [False]
    assert soup(response).select_one("#transcript") is None
    assert [a["lang"] for a in soup(response).select(".subtitle-list a")] == ["ar"]


def test_a_dubbed_version_replaces_the_video_in_its_language_only(client, films):
    dub = VideoFactory(title="Velkommen (arabisk tale)")
    DubbedVideo.objects.create(page=films["ar"], language="ar", video=dub)
    DubbedVideo.objects.create(page=films["da"], language="ar", video=dub)

    arabic = soup(client.get(films["ar"].url)).select_one("video source")["src"]
    danish = soup(client.get(films["da"].url)).select_one("video source")["src"]

    assert arabic == dub.file.url
    assert danish == films["da"].video.file.url


def test_a_stream_page_plays_the_hls_playlist(client, films):
    page = VideoPage.objects.get(pk=films["da"].pk)
    page.video = None
    page.stream_url = "https://stream.kk.dk/velkommen/master.m3u8"
    publish(page)

    source = soup(client.get(page.url)).select_one("video source")

    assert source["src"] == "https://stream.kk.dk/velkommen/master.m3u8"
    assert source["type"] == "application/vnd.apple.mpegurl"


def test_the_film_file_is_served_with_range_support(client, films):
    data = films["da"].video.file.open("rb").read()

    response = client.get(films["da"].video.file.url, HTTP_RANGE="bytes=100-199")

    assert response.status_code == 206
    assert response["Content-Type"] == "video/mp4"
    assert b"".join(response.streaming_content) == data[100:200]


def test_film_list_shows_the_films_of_the_language(client, films):
    response = client.get(films["ur"].get_parent().url)

    assert [a.get_text() for a in soup(response).select(".card__title a")] == [films["ur"].title]


@pytest.mark.parametrize(
    ("changes", "field", "message"),
    [
        ({"stream_url": "https://stream.kk.dk/a.m3u8"}, "stream_url", "not both"),
        ({"video": None}, "video", "Choose a video"),
        ({"video": None, "stream_url": "http://stream.kk.dk/a.m3u8"}, "stream_url", "https://"),
        ({"video": None, "stream_url": "https://stream.kk.dk/a.avi"}, "stream_url", ".m3u8"),
    ],
)
def test_a_video_page_needs_exactly_one_valid_source(films, changes, field, message):
    page = VideoPage.objects.get(pk=films["da"].pk)
    for name, value in changes.items():
        setattr(page, name, value)

    with pytest.raises(ValidationError) as raised:
        page.full_clean()

    assert message in " ".join(raised.value.message_dict[field])


def test_subtitle_tracks_are_synchronised_to_every_translation(films):
    for page in films.values():
        tracks = SubtitleTrack.objects.filter(page=page)
        assert sorted(tracks.values_list("language", flat=True)) == ["ar", "da", "en", "ur"]
    files = {t.file.name for t in SubtitleTrack.objects.filter(language="ar")}
    assert len(files) == 1  # one file, shared


def test_video_page_renders_within_query_budget(client, films, django_assert_max_num_queries):
    url = films["ar"].url
    client.get(url)
    # The topic page's budget (10) plus the film, its subtitle tracks and its dubbed versions.
    with django_assert_max_num_queries(14):
        assert client.get(url).status_code == 200


def test_cues_are_read_from_the_file_when_a_track_is_saved(films):
    page = publish(VideoPageFactory(parent=films["da"].get_parent()))
    track = SubtitleTrack(
        page=page,
        language="tr",
        file=ContentFile(b"WEBVTT\n\n00:01.000 --> 00:02.000\nMerhaba\n", name="tr.vtt"),
    )
    track.save()

    assert SubtitleTrack.objects.get(pk=track.pk).cues == [
        {"start": 1000, "end": 2000, "text": "Merhaba"}
    ]
