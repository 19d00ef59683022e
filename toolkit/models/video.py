"""A story's video: the editor's upload, the web version the worker made of it, its poster,
and per language its captions and chapters (WebVTT). docs/decisions/0037."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from toolkit.models.content import Story

VIDEO_LANGUAGES = ("fi", "sv", "en")


class VideoState(models.TextChoices):
    PROCESSING = "processing", _("Processing")
    READY = "ready", _("Ready")
    FAILED = "failed", _("Failed")


class VideoFailure(models.TextChoices):
    """Why the worker could not make the web version; shown to the editor."""

    NONE = "", _("No problem")
    UNREADABLE = (
        "unreadable",
        _("The file could not be read as a video. It may be damaged or cut short."),
    )
    TOO_LONG = "too_long", _("The video is longer than the site allows.")
    NO_VIDEO = "no_video", _("The file has no picture, only sound or nothing at all.")
    MISSING = (
        "missing",
        _("The uploaded file was lost before it could be processed. Upload it again."),
    )
    TIMEOUT = (
        "timeout",
        _("Processing took too long and was stopped. Try a shorter or smaller file."),
    )


class StoryVideo(models.Model):
    """One video per story. `original` is the upload (never served); `file` (H.264/AAC MP4
    with faststart) and `poster` (JPEG) are made by the worker and served by the media door."""

    story = models.OneToOneField(Story, on_delete=models.CASCADE, related_name="story_video")
    original = models.FileField(_("uploaded file"), upload_to="stories/video/original/")
    file = models.FileField(_("web video"), upload_to="stories/video/web/", blank=True)
    poster = models.FileField(_("poster image"), upload_to="stories/video/poster/", blank=True)
    duration = models.FloatField(_("duration in seconds"), null=True, blank=True)
    width = models.PositiveIntegerField(null=True, blank=True)
    height = models.PositiveIntegerField(null=True, blank=True)
    state = models.CharField(
        _("state"), max_length=12, choices=VideoState.choices, default=VideoState.PROCESSING
    )
    failure = models.CharField(
        _("reason"), max_length=12, choices=VideoFailure.choices, default="", blank=True
    )
    # Bumped at every upload: a transcode of an older upload does not overwrite a newer one.
    generation = models.PositiveIntegerField(default=1)
    # The demo's generated video: the digest of what it was made from (skip when unchanged).
    source_digest = models.CharField(max_length=64, blank=True)
    captions_fi = models.TextField(_("captions in Finnish (WebVTT)"), blank=True)
    captions_sv = models.TextField(_("captions in Swedish (WebVTT)"), blank=True)
    captions_en = models.TextField(_("captions in English (WebVTT)"), blank=True)
    chapters_fi = models.TextField(_("chapters in Finnish (WebVTT)"), blank=True)
    chapters_sv = models.TextField(_("chapters in Swedish (WebVTT)"), blank=True)
    chapters_en = models.TextField(_("chapters in English (WebVTT)"), blank=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("story video")
        verbose_name_plural = _("story videos")

    def __str__(self) -> str:
        return f"{self.story} ({self.state})"

    def captions(self, language: str) -> str:
        return getattr(self, f"captions_{language}", "") if language in VIDEO_LANGUAGES else ""

    def chapters(self, language: str) -> str:
        return getattr(self, f"chapters_{language}", "") if language in VIDEO_LANGUAGES else ""
