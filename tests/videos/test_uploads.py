"""Uploads through the admin: video files checked by content and size, subtitle files checked
line by line. A refused upload shows a clear message and leaves nothing in the database or in
storage."""

import pytest
from django.core.files.storage import default_storage
from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

from welcome.videos.models import SubtitleTrack, Video, VideoPage

from ..factories import publish
from ..html import soup
from .factories import VideoIndexPageFactory, mp4_bytes
from .test_transcripts_and_files import WEBM_HEAD

pytestmark = pytest.mark.django_db


def stored(folder):
    return set(default_storage.listdir(folder)[1]) if default_storage.exists(folder) else set()


def upload_video(admin_client, name, content, content_type="video/mp4"):
    return admin_client.post(
        reverse("wagtailsnippets_videos_video:add"),
        {"title": "Velkomstfilm", "file": SimpleUploadedFile(name, content, content_type)},
    )


def errors(response):
    return " ".join(e.get_text(" ", strip=True) for e in soup(response).select(".error-message"))


@pytest.mark.parametrize(
    ("name", "content", "kind"),
    [("velkommen.mp4", mp4_bytes(), "video/mp4"), ("velkommen.webm", WEBM_HEAD, "video/webm")],
)
def test_a_real_video_is_uploaded(admin_client, name, content, kind):
    response = upload_video(admin_client, name, content)

    assert response.status_code == 302
    video = Video.objects.get()
    assert video.content_type == kind
    assert video.file_size == len(content)
    assert default_storage.open(video.file.name).read() == content


@pytest.mark.parametrize(
    ("name", "content", "message"),
    [
        ("velkommen.webm", mp4_bytes(), "content is MP4 video but its name ends in “.webm”"),
        ("velkommen.mp4", WEBM_HEAD, "content is WebM video but its name ends in “.mp4”"),
        ("velkommen.mp4", b"<html>not a video</html>", "not an MP4 or WebM video"),
        ("velkommen.mp4", b"\x89PNG\r\n\x1a\n" + bytes(100), "not an MP4 or WebM video"),
    ],
)
def test_a_disguised_upload_is_refused_and_nothing_is_stored(admin_client, name, content, message):
    before = stored("videos")

    response = upload_video(admin_client, name, content)

    assert response.status_code == 200
    assert message in errors(response)
    assert Video.objects.count() == 0
    assert stored("videos") == before


@override_settings(WELCOME_VIDEO_MAX_UPLOAD_SIZE=10_000)
def test_an_oversized_video_is_refused_and_nothing_is_stored(admin_client):
    before = stored("videos")

    response = upload_video(admin_client, "velkommen.mp4", mp4_bytes())

    assert "videos may be at most 9.8\xa0KB" in errors(response)  # the English admin formats 9.8
    assert Video.objects.count() == 0
    assert stored("videos") == before


def video_page_form(video, vtt, name="velkommen-ar.vtt"):
    return nested_form_data(
        {
            "title": "Velkommen",
            "slug": "velkommen",
            "intro": "En kort film.",
            "video": str(video.pk),
            "stream_url": "",
            "poster": "",
            "duration": "00:00:06",
            "subtitle_tracks": inline_formset(
                [{"language": "ar", "file": SimpleUploadedFile(name, vtt, "text/vtt")}]
            ),
            "dubbed_videos": inline_formset([]),
            "body": streamfield([]),
            "action-publish": "1",
        }
    )


@pytest.fixture
def film_list(home):
    return publish(VideoIndexPageFactory(parent=home))


def add_url(parent):
    return reverse("wagtailadmin_pages:add", args=("videos", "videopage", parent.pk))


def test_editor_creates_a_video_page_with_an_arabic_subtitle_track(admin_client, film_list):
    video = Video.objects.create(
        title="Velkomstfilm", file=SimpleUploadedFile("v.mp4", mp4_bytes())
    )
    vtt = "WEBVTT\n\n00:00.500 --> 00:03.000\nمرحبًا بكم في كوبنهاغن.\n".encode()

    response = admin_client.post(add_url(film_list), video_page_form(video, vtt))

    assert response.status_code == 302, errors(response)
    page = VideoPage.objects.get(slug="velkommen")
    assert page.live
    track = page.subtitle_tracks.get()
    assert track.language == "ar"
    assert track.cues == [{"start": 500, "end": 3000, "text": "مرحبًا بكم في كوبنهاغن."}]
    assert admin_client.get(page.url).status_code == 200


@pytest.mark.parametrize(
    ("vtt", "name", "message"),
    [
        (b"00:01.000 --> 00:02.000\nHej\n", "a.vtt", "Line 1: a WebVTT file must start"),
        (b"WEBVTT\n\n00:01,000 --> 00:02.000\nHej\n", "a.vtt", "Line 3: the time “00:01,000”"),
        (b"WEBVTT\n\n00:03.000 --> 00:02.000\nHej\n", "a.vtt", "Line 3: the cue ends"),
        ("WEBVTT\n\n00:01.000 --> 00:02.000\nKøb\n".encode("cp1252"), "a.vtt", "Line 4: the file"),
        (b"WEBVTT\n\n00:01.000 --> 00:02.000\nHej\n", "a.srt", "must be WebVTT files ending"),
    ],
)
def test_a_bad_subtitle_file_is_refused_naming_the_line_and_nothing_is_saved(
    admin_client, film_list, vtt, name, message
):
    video = Video.objects.create(title="Film", file=SimpleUploadedFile("v.mp4", mp4_bytes()))
    before = stored("subtitles")

    response = admin_client.post(add_url(film_list), video_page_form(video, vtt, name))

    assert response.status_code == 200
    assert message in errors(response)
    assert not VideoPage.objects.exists()
    assert not SubtitleTrack.objects.exists()
    assert stored("subtitles") == before


@override_settings(WELCOME_SUBTITLE_MAX_UPLOAD_SIZE=100)
def test_an_oversized_subtitle_file_is_refused(admin_client, film_list):
    video = Video.objects.create(title="Film", file=SimpleUploadedFile("v.mp4", mp4_bytes()))
    vtt = b"WEBVTT\n\n" + b"00:01.000 --> 00:02.000\nHej\n\n" * 10

    response = admin_client.post(add_url(film_list), video_page_form(video, vtt))

    assert "subtitle files may be at most 100" in errors(response)
    assert not SubtitleTrack.objects.exists()
