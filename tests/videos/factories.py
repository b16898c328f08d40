import factory
import wagtail_factories
from django.core.files.base import ContentFile

from welcome.videos.models import SubtitleTrack, Video, VideoIndexPage, VideoPage
from welcome.videos.sample import make_mp4

from ..factories import publish

VTT = {
    "da": "WEBVTT\n\n00:00:00.500 --> 00:00:03.000\nVelkommen til København.\n\n"
    "00:00:03.500 --> 00:00:06.000\nHusk at registrere din adresse.\n",
    "ar": "WEBVTT\n\n00:00:00.500 --> 00:00:03.000\nمرحبًا بكم في كوبنهاغن.\n\n"
    "00:00:03.500 --> 00:00:06.000\nتذكّر تسجيل عنوانك.\n",
    "ur": "WEBVTT\n\n00:00:00.500 --> 00:00:03.000\nکوپن ہیگن میں خوش آمدید۔\n\n"
    "00:00:03.500 --> 00:00:06.000\nاپنا پتہ رجسٹر کرانا یاد رکھیں۔\n",
    "en": "WEBVTT\n\n00:00:00.500 --> 00:00:03.000\nWelcome to Copenhagen.\n\n"
    "00:00:03.500 --> 00:00:06.000\nRemember to register your address.\n",
}

_MP4 = {}


def mp4_bytes():
    if "data" not in _MP4:
        _MP4["data"] = make_mp4(seconds=6)
    return _MP4["data"]


class VideoFactory(factory.django.DjangoModelFactory):
    title = factory.Sequence(lambda n: f"Velkomstfilm {n}")
    file = factory.LazyFunction(lambda: ContentFile(mp4_bytes(), name="velkommen.mp4"))

    class Meta:
        model = Video


class VideoIndexPageFactory(wagtail_factories.PageFactory):
    title = "Film"
    slug = "film"
    intro = "Korte film om livet i København."

    class Meta:
        model = VideoIndexPage


class VideoPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Velkommen til København {n}")
    slug = factory.Sequence(lambda n: f"film-{n}")
    intro = "En kort film om dine første dage."
    video = factory.SubFactory(VideoFactory)

    class Meta:
        model = VideoPage


def add_tracks(page, languages=("da", "ar", "ur", "en")):
    for code in languages:
        SubtitleTrack(
            page=page,
            language=code,
            file=ContentFile(VTT[code].encode(), name=f"velkommen-{code}.vtt"),
        ).save()
    return page


def make_video_page(home, languages=("da", "ar", "ur", "en"), **kwargs):
    index = publish(VideoIndexPageFactory(parent=home))
    page = add_tracks(VideoPageFactory(parent=index, **kwargs), languages)
    return index, publish(page)
