"""Editors write and publish toolkit content in fi, sv and en: drafts, preview, revisions.

Editing needs the `toolkit.change_methodcard` / `toolkit.change_story` permission, which the
"Toolkit editors" group grants. Every save keeps a revision of all the texts; the page shows one
language at a time (docs/decisions/0039), and the revisions are compared and restored in
`toolkit.content.editor_revisions`.
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _

from engagement.common.uploads import large_uploads
from toolkit.content.editor_forms import (
    KINDS,
    LANGS,
    form_class,
    missing_of,
    open_language,
    sections,
)
from toolkit.content.markdown import render_markdown
from toolkit.content.revisions import revisions_of
from toolkit.content.services import content_save
from toolkit.models import MethodCard, Story


def editor_model(request: HttpRequest, kind: str):
    """The model that `kind` names (404 for none) once the user may edit it (403)."""
    if kind not in KINDS:
        raise Http404
    model = KINDS[kind][0]
    if not request.user.has_perm(f"toolkit.change_{model._meta.model_name}"):
        raise PermissionDenied
    return model


@login_required
def editor_index(request: HttpRequest) -> HttpResponse:
    """Every card and story with what each language still lacks."""
    if not (
        request.user.has_perm("toolkit.change_methodcard")
        or request.user.has_perm("toolkit.change_story")
    ):
        raise PermissionDenied
    groups = [
        (kind, [(item, missing_of(kind, item)) for item in items])
        for kind, items in (
            ("methods", MethodCard.objects.all()),
            ("stories", Story.objects.select_related("story_video")),  # one read, not one each
        )
    ]
    return render(request, "toolkit/editor_index.html", {"groups": groups, "languages": LANGS})


@login_required
@large_uploads  # a story's video may be larger than a request's photos may be
def editor_edit(request: HttpRequest, kind: str, slug: str | None = None) -> HttpResponse:
    """Edit (or create) a card or a story; "Preview" shows it without saving. A refused save
    shows the form again with everything typed, on the tab of the first refused field."""
    model = editor_model(request, kind)
    _model, texts, _extra = KINDS[kind]
    instance = get_object_or_404(model, slug=slug) if slug else None
    form = form_class(kind)(request.POST or None, request.FILES or None, instance=instance)
    preview = None
    if request.method == "POST" and form.is_valid():
        if "preview" in request.POST:
            lang = request.POST.get("preview_language", "fi")
            lang = lang if lang in LANGS else "fi"
            preview = {
                field: render_markdown(form.cleaned_data.get(f"{field}_{lang}") or "")
                for field in texts
            }
        else:
            content_save(editor=request.user, form=form)
            messages.success(request, _("Saved. The revision is kept."))
            url = reverse("toolkit:editor-edit", kwargs={"kind": kind, "slug": form.instance.slug})
            language = request.POST.get("language")
            # Back on the tab the editor was on.
            return redirect(f"{url}?language={language}" if language in LANGS else url)
    shared, languages = sections(form, kind)
    revisions = list(revisions_of(kind=kind, instance=instance)) if instance else []
    for number, revision in enumerate(reversed(revisions), start=1):
        revision.number = number
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
            "shared_fields": shared,
            "language_sections": languages,
            "open_language": open_language(
                form, languages, request.POST.get("language") or request.GET.get("language", "")
            ),
        },
        status=400 if form.errors else 200,
    )
