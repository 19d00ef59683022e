"""A card's or story's revisions compared side by side, and one of them restored as a new
revision (docs/decisions/0039). Only the content's editors may; a wrong id is a 404."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from toolkit.content.editor import editor_model
from toolkit.content.revisions import revision_of, revisions_compare, revisions_of, snapshot
from toolkit.content.services import content_restore

CURRENT = "current"


def _numbered(kind: str, instance) -> dict[int, int]:
    """Revision id -> its number (1 for the first save)."""
    ids = sorted(revisions_of(kind=kind, instance=instance).values_list("pk", flat=True))
    return {pk: number for number, pk in enumerate(ids, start=1)}


@login_required
@require_http_methods(["GET", "HEAD"])
def revision_compare(request: HttpRequest, kind: str, slug: str) -> HttpResponse:
    """`?old=ID&new=ID` (or `new=current`): the two versions side by side, older first."""
    model = editor_model(request, kind)
    instance = get_object_or_404(model, slug=slug)
    old = revision_of(kind=kind, instance=instance, revision_id=request.GET.get("old", ""))
    new_id = request.GET.get("new", CURRENT)
    new = (
        None if new_id == CURRENT else revision_of(kind=kind, instance=instance, revision_id=new_id)
    )
    if new is not None and new.pk < old.pk:
        old, new = new, old
    numbers = _numbered(kind, instance)
    old.number = numbers[old.pk]
    if new is not None:
        new.number = numbers[new.pk]
    tables = revisions_compare(
        kind=kind, old=old.data, new=new.data if new is not None else snapshot(instance)
    )
    return render(
        request,
        "toolkit/editor_compare.html",
        {
            "instance": instance,
            "kind": kind,
            "old": old,
            "new": new,
            "tables": tables,
            "changes": sum(len(t.rows) for t in tables),
        },
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def revision_restore(request: HttpRequest, kind: str, slug: str, revision_id: int) -> HttpResponse:
    """GET asks for confirmation; POST restores the revision as a new one."""
    model = editor_model(request, kind)
    instance = get_object_or_404(model, slug=slug)
    revision = revision_of(kind=kind, instance=instance, revision_id=revision_id)
    revision.number = _numbered(kind, instance)[revision.pk]
    if request.method == "POST":
        content_restore(editor=request.user, instance=instance, revision=revision)
        messages.success(
            request,
            _("Revision %(number)s was restored and saved as a new revision.")
            % {"number": revision.number},
        )
        return redirect("toolkit:editor-edit", kind=kind, slug=instance.slug)
    tables = revisions_compare(kind=kind, old=snapshot(instance), new=revision.data)
    return render(
        request,
        "toolkit/editor_restore.html",
        {
            "instance": instance,
            "kind": kind,
            "revision": revision,
            "changes": sum(len(t.rows) for t in tables),
        },
    )
