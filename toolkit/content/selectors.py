"""Reads of the toolkit's content for other doors: who may see a story's uploaded files."""

from django.db.models import Q
from django.utils.translation import gettext_lazy

from engagement.common.media import MediaFile
from toolkit.content.webvtt import chapters_list
from toolkit.models import Publication, Story, StoryVideo, VideoState
from toolkit.models.video import VIDEO_LANGUAGES
from toolkit.rules import can_see_content

LANGUAGE_NAMES = {
    "fi": gettext_lazy("Finnish"),
    "sv": gettext_lazy("Swedish"),
    "en": gettext_lazy("English"),
}


def _story_audience(story: Story) -> MediaFile:
    return MediaFile(
        public=story.status == Publication.PUBLISHED,
        visible_to=lambda user, participant: can_see_content(user, story),
    )


def story_file(*, name: str) -> MediaFile | None:
    """Who may see the story video, poster or captions stored under `name`: whoever may see the
    story's page (anyone once it is published, its editors before); None for another name (an
    editor's original upload is never served, only the web version the worker made)."""
    story = Story.objects.filter(Q(video=name) | Q(captions=name)).first()
    if story is None:
        video = (
            StoryVideo.objects.filter(Q(file=name) | Q(poster=name)).select_related("story").first()
        )
        story = video.story if video else None
    if story is None:
        return None
    return _story_audience(story)


def clock(seconds: float) -> str:
    """0:05, 1:02:03: a time in a video as people read it."""
    whole = int(seconds)
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def story_video_for_page(*, story: Story, language: str) -> dict | None:
    """What the story page shows of its video: only a ready one, with a captions track per
    language that has captions (each marked with ITS language; the page's own is the default)
    and the chapters in the page's language (else the first language that has them)."""
    video = StoryVideo.objects.filter(story=story, state=VideoState.READY).first()
    if video is None or not video.file:
        return None
    captions = [(lang, LANGUAGE_NAMES[lang]) for lang in VIDEO_LANGUAGES if video.captions(lang)]
    default = language if any(lang == language for lang, _name in captions) else None
    if default is None and captions:
        default = captions[0][0]
    order = [language, *(lang for lang in VIDEO_LANGUAGES if lang != language)]
    chapters_lang = next((lang for lang in order if chapters_list(video.chapters(lang))), None)
    chapters = [
        {"start": f"{cue.start:.3f}", "clock": clock(cue.start), "title": cue.text}
        for cue in (chapters_list(video.chapters(chapters_lang)) if chapters_lang else [])
    ]
    return {
        "video": video,
        "clock": clock(video.duration or 0),
        "captions": captions,
        "default_captions": default,
        "chapters": chapters,
        "chapters_lang": chapters_lang,
    }
