"""Demo films: “Welcome to Copenhagen” and “How to learn Danish”, under a film list on the home
page, with subtitles in every language that has a content file, in every active language.

``content/da.json`` holds the Danish text and the facts (duration, cue timings, dubbed
languages); each other language's file holds its text and its subtitle lines, which are timed
like the Danish ones. The video files are generated (see ``sample``): small, silent, real MP4.
"""

import json
from datetime import timedelta
from pathlib import Path

from django.core.files.base import ContentFile
from wagtail.models import Site

from welcome.core import demo
from welcome.core.demo import is_live_in, source_child, translate
from welcome.languages import registry

from .models import DubbedVideo, SubtitleTrack, Video, VideoIndexPage, VideoPage
from .sample import make_mp4

CONTENT_DIR = Path(__file__).parent / "content"
TEXT_FIELDS = ("title", "search_description", "intro", "body")


def read_content(code):
    path = CONTENT_DIR / f"{code}.json"
    return json.loads(path.read_text(encoding="utf-8")) if path.exists() else None


def demo_video(title, filename, variant=0):
    existing = Video.objects.filter(title=title).first()
    if existing is not None:
        return existing
    video = Video(title=title, file=ContentFile(make_mp4(variant=variant), name=filename))
    video.full_clean()
    video.save()
    return video


def webvtt(timings, lines):
    cues = [f"{start} --> {end}\n{text}" for (start, end), text in zip(timings, lines, strict=True)]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def source_video(index, number, contents, log):
    data = contents[registry.source().code]["videos"][number]
    existing = VideoPage.objects.child_of(index).filter(slug=data["slug"]).first()
    if existing is not None:
        return existing
    page = VideoPage(
        **{name: data[name] for name in TEXT_FIELDS},
        slug=data["slug"],
        video=demo_video(data["title"], f"{data['slug']}.mp4"),
        duration=timedelta(seconds=data["duration_seconds"]),
    )
    for code, content in contents.items():
        vtt = webvtt(data["timings"], content["videos"][number]["cues"])
        track = SubtitleTrack(
            language=code, file=ContentFile(vtt.encode(), name=f"{data['slug']}-{code}.vtt")
        )
        track.full_clean(exclude=["page"])
        page.subtitle_tracks.add(track)
    for code in data["dubbed"]:
        video = demo_video(f"{data['title']} ({code})", f"{data['slug']}-{code}.mp4", variant=1)
        page.dubbed_videos.add(DubbedVideo(language=code, video=video))
    index.add_child(instance=page)
    demo.publish(page)
    log(f"Created the Danish film “{page.title}” with {len(contents)} subtitle tracks.")
    return page


@demo.loader(order=30)
def load_videos(log):
    contents = {code: read_content(code) for code in registry.active_codes()}
    contents = {code: content for code, content in contents.items() if content is not None}
    source = contents[registry.source().code]
    home = Site.objects.get(is_default_site=True).root_page.specific
    index = source_child(home, VideoIndexPage, log, **source["index"])
    pages = [source_video(index, number, contents, log) for number in range(len(source["videos"]))]
    for code, content in contents.items():
        if code == registry.source().code:
            continue
        if not is_live_in(home, code):
            log(f"No home page in {code}: its films fall back to English or Danish.")
            continue
        translate(index, content["index"], code, log)
        for page, data in zip(pages, content["videos"], strict=True):
            translate(page, {name: data[name] for name in TEXT_FIELDS}, code, log)
