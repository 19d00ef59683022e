"""Editors write and publish toolkit content in fi, sv and en: drafts, preview, revisions.

Editing needs the `toolkit.change_methodcard` / `toolkit.change_story` permission, which the
"Toolkit editors" group grants. Every save keeps a revision of all the texts.
"""

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from engagement.common.uploads import large_uploads
from toolkit.content.markdown import render_markdown
from toolkit.content.services import content_save
from toolkit.models import Audience, MethodCard, Revision, Story, ToolkitTheme
from toolkit.translation import CARD_FIELDS, STORY_FIELDS

LANGS = ("fi", "sv", "en")
KINDS = {
    "methods": (
        MethodCard,
        CARD_FIELDS,
        ["slug", "phase", "time_effort", "people_effort", "cost_effort", "related", "status"],
    ),
    "stories": (
        Story,
        STORY_FIELDS,
        ["slug", "video", "captions", "video_url", "place_name", "methods", "status"],
    ),
}


def _form_class(model, texts, extra):
    """A form of the model's own fields, each text in fi, sv and en."""
    meta = type(
        "Meta",
        (),
        {
            "model": model,
            "fields": [
                *extra,
                "themes",
                "audiences",
                *(f"{field}_{lang}" for field in texts for lang in LANGS),
            ],
        },
    )
    attrs = {
        "Meta": meta,
        "themes": forms.MultipleChoiceField(
            label=gettext_lazy("Themes"),
            choices=ToolkitTheme.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        ),
        "audiences": forms.MultipleChoiceField(
            label=gettext_lazy("Who takes part"),
            choices=Audience.choices,
            required=False,
            widget=forms.CheckboxSelectMultiple,
        ),
    }
    return type(f"{model.__name__}Form", (forms.ModelForm,), attrs)


def _require_editor(request: HttpRequest, model) -> None:
    if not request.user.has_perm(f"toolkit.change_{model._meta.model_name}"):
        raise PermissionDenied


@login_required
def editor_index(request: HttpRequest) -> HttpResponse:
    if not (
        request.user.has_perm("toolkit.change_methodcard")
        or request.user.has_perm("toolkit.change_story")
    ):
        raise PermissionDenied
    return render(
        request,
        "toolkit/editor_index.html",
        {"cards": MethodCard.objects.all(), "stories": Story.objects.all()},
    )


@login_required
@large_uploads  # a story's video may be larger than a request's photos may be
def editor_edit(request: HttpRequest, kind: str, slug: str | None = None) -> HttpResponse:
    """Edit (or create) a card or a story; "Preview" shows it without saving."""
    if kind not in KINDS:
        raise PermissionDenied
    model, texts, extra = KINDS[kind]
    _require_editor(request, model)
    instance = get_object_or_404(model, slug=slug) if slug else None
    form_class = _form_class(model, texts, extra)
    form = form_class(request.POST or None, request.FILES or None, instance=instance)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            lang = request.POST.get("preview_language", "fi")
            preview = {
                field: render_markdown(form.cleaned_data.get(f"{field}_{lang}") or "")
                for field in texts
            }
        else:
            content_save(editor=request.user, form=form)
            messages.success(request, _("Saved. The revision is kept."))
            return redirect("toolkit:editor-edit", kind=kind, slug=form.instance.slug)
    revisions = (
        Revision.objects.filter(
            content_kind="method" if model is MethodCard else "story", content_id=instance.pk
        ).select_related("editor")
        if instance
        else []
    )
    return render(
        request,
        "toolkit/editor_edit.html",
        {
            "form": form,
            "instance": instance,
            "kind": kind,
            "preview": preview,
            "revisions": revisions,
            "languages": LANGS,
        },
        status=400 if form.errors else 200,
    )
