"""A story's video for editors (its own page, beside the text editor) and its WebVTT tracks
for everyone who may see the story. The video and poster go through the media door."""

from django import forms
from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.decorators.http import require_http_methods, require_safe

from engagement.common.forms import add_service_errors
from engagement.common.uploads import large_uploads
from toolkit.content.selectors import LANGUAGE_NAMES
from toolkit.content.video_services import (
    TEXT_FIELDS,
    story_video_texts_save,
    story_video_upload,
)
from toolkit.models import Story, StoryVideo
from toolkit.models.video import VIDEO_LANGUAGES
from toolkit.rules import can_see_content

KIND_LABELS = {
    "captions": gettext_lazy("Captions in %(language)s (WebVTT)"),
    "chapters": gettext_lazy("Chapters in %(language)s (WebVTT)"),
}


class VideoUploadForm(forms.Form):
    video = forms.FileField(label=gettext_lazy("Video file"), required=False)


class VideoTextsForm(forms.Form):
    """Per language: captions and chapters typed, or a .vtt file whose text replaces them."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for kind in ("captions", "chapters"):
            for lang in VIDEO_LANGUAGES:
                label = KIND_LABELS[kind] % {"language": LANGUAGE_NAMES[lang]}
                self.fields[f"{kind}_{lang}"] = forms.CharField(
                    label=label, required=False, strip=False,
                    widget=forms.Textarea(attrs={"rows": 8, "lang": lang, "spellcheck": "true"}),
                )  # fmt: skip
                self.fields[f"{kind}_{lang}_file"] = forms.FileField(
                    label=_("%(what)s: or upload a .vtt file") % {"what": label},
                    required=False,
                    widget=forms.ClearableFileInput(attrs={"accept": ".vtt,text/vtt"}),
                )

    def texts(self) -> dict[str, str]:
        """The tracks to save; an uploaded file's text replaces what was typed (and is shown in
        the text box if it is refused). A file that is not UTF-8 text is kept as it reads."""
        found = {}
        for name, value in self.cleaned_data.items():
            if name.endswith("_file"):
                continue
            upload = self.cleaned_data.get(f"{name}_file")
            if upload:
                value = upload.read(1_000_000).decode("utf-8", errors="replace")
                self.data = self.data.copy()
                self.data[name] = value  # shown again if refused
            found[name] = value.replace("\x00", "")
        return found


def _story_for_editor(request: HttpRequest, slug: str) -> Story:
    if not request.user.has_perm("toolkit.change_story"):
        raise PermissionDenied
    return get_object_or_404(Story, slug=slug)


@login_required
@large_uploads  # an editor's video may be larger than a request's photos may be
@require_http_methods(["GET", "HEAD", "POST"])
def story_video_edit(request: HttpRequest, slug: str) -> HttpResponse:
    """Upload a story's video; write or upload its captions and chapters per language."""
    story = _story_for_editor(request, slug)
    video = StoryVideo.objects.filter(story=story).first()
    initial = {f: getattr(video, f) for f in TEXT_FIELDS} if video else {}
    upload_form = VideoUploadForm()
    texts_form = VideoTextsForm(initial=initial)
    if request.method == "POST" and "upload" in request.POST:
        upload_form = VideoUploadForm(request.POST, request.FILES)
        if upload_form.is_valid():
            try:
                story_video_upload(
                    editor=request.user, story=story, upload=upload_form.cleaned_data["video"]
                )
            except ValidationError as error:
                add_service_errors(upload_form, error)
            else:
                messages.success(request, _("The video was received and is being processed."))
                return redirect("toolkit:story-video-edit", slug=story.slug)
    elif request.method == "POST":
        texts_form = VideoTextsForm(request.POST, request.FILES, initial=initial)
        if texts_form.is_valid():
            try:
                story_video_texts_save(editor=request.user, story=story, texts=texts_form.texts())
            except ValidationError as error:
                add_service_errors(texts_form, error)
            else:
                messages.success(request, _("Captions and chapters saved."))
                return redirect("toolkit:story-video-edit", slug=story.slug)
    failed = bool(upload_form.errors or texts_form.errors)
    for name in texts_form.errors:
        if name in texts_form.fields:  # the message is read with its box
            texts_form.fields[name].widget.attrs["aria-describedby"] = f"id_{name}-error"
    return render(
        request,
        "toolkit/story_video_edit.html",
        {
            "story": story,
            "video": video,
            "upload_form": upload_form,
            "texts_form": texts_form,
            "languages": [(lang, LANGUAGE_NAMES[lang]) for lang in VIDEO_LANGUAGES],
            "max_bytes": settings.VIDEO_MAX_BYTES,
            "max_minutes": settings.VIDEO_MAX_SECONDS // 60,
        },
        status=400 if failed else 200,
    )


@require_safe
def story_video_track(request: HttpRequest, slug: str, kind: str, lang: str) -> HttpResponse:
    """A story's captions or chapters in one language, as WebVTT, to whoever may see the story."""
    story = get_object_or_404(Story, slug=slug)
    video = StoryVideo.objects.filter(story=story).first()
    if kind not in KIND_LABELS or lang not in VIDEO_LANGUAGES or video is None:
        raise Http404
    if not can_see_content(request.user, story):
        raise Http404
    text = getattr(video, f"{kind}_{lang}")
    if not text:
        raise Http404
    response = HttpResponse(text, content_type="text/vtt; charset=utf-8")
    response["Cache-Control"] = (
        "public, max-age=300" if story.status == "published" else "private, no-cache"
    )
    return response
