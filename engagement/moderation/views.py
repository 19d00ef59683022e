"""Moderation pages (`/moderation/`): thin doors over engagement.moderation.

Every page and action works with plain forms and the keyboard; every permission is checked by
the services (and by the pages for what they show).
"""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from engagement.common.forms import add_service_errors
from engagement.interop.exports.csv_writer import csv_chunks
from engagement.models import Comment, Contribution, ModerationAction, Photo
from engagement.moderation import services as moderation
from engagement.moderation.forms import (
    HIDE_REASONS,
    BlockForm,
    CorrectForm,
    DuplicateForm,
    QueueFilterForm,
    RespondForm,
)
from engagement.moderation.selectors import (
    QueueFilters,
    moderation_comment_queue,
    moderation_log,
    moderation_queue,
)
from engagement.participation.selectors import contribution_status_history
from engagement.rules import can_moderate, moderated_campaigns

Action = ModerationAction.Action
QUEUE_SIZE = 50


def _moderator_campaigns(request: HttpRequest):
    campaigns = moderated_campaigns(request.user)
    if not campaigns.exists():
        raise PermissionDenied
    return campaigns


def _error_text(error: ValidationError) -> str:
    return " ".join(error.messages)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def queue(request: HttpRequest) -> HttpResponse:
    """New and flagged contributions and comments of the moderator's campaigns."""
    campaigns = _moderator_campaigns(request)
    if request.method == "POST":
        return _queue_action(request)
    filter_form = QueueFilterForm(request.GET or None, campaigns=campaigns)
    data = filter_form.cleaned_data if filter_form.is_valid() else {}
    filters = QueueFilters(
        campaign=data.get("campaign"),
        theme=data.get("theme") or None,
        kind=data.get("kind") or None,
        state=data.get("state") or None,
        flagged=bool(data.get("flagged")),
    )
    items = list(
        moderation_queue(campaigns=campaigns, filters=filters).prefetch_related("photos", "flags")[
            :QUEUE_SIZE
        ]
    )
    comments = list(moderation_comment_queue(campaigns=campaigns)[:QUEUE_SIZE])
    return render(
        request,
        "engagement/moderation/queue.html",
        {
            "filter_form": filter_form,
            "items": items,
            "comments": comments,
            "hide_reasons": HIDE_REASONS,
            "next": request.get_full_path(),
        },
    )


def _queue_action(request: HttpRequest) -> HttpResponse:
    """One form serves the whole queue: a button names one item and action, or a bulk action
    applies to the ticked items."""
    back = request.POST.get("next") or reverse("engagement:moderation-queue")
    if not back.startswith("/"):
        back = reverse("engagement:moderation-queue")
    try:
        if single := request.POST.get("single"):
            kind, pk, action = single.split(":")
            reason = request.POST.get(f"reason-{kind}-{pk}", "")
            if kind == "contribution":
                item = get_object_or_404(Contribution, pk=pk)
                moderation.contribution_moderate(
                    actor=request.user, contribution=item, action=action, reason=reason
                )
            else:
                item = get_object_or_404(Comment, pk=pk)
                moderation.comment_moderate(
                    actor=request.user, comment=item, action=action, reason=reason
                )
            messages.success(request, _("Done: %(action)s.") % {"action": Action(action).label})
        else:
            ids = request.POST.getlist("ids")
            action = request.POST.get("bulk_action", "")
            if not ids or action not in (Action.APPROVE, Action.HIDE):
                messages.error(request, _("Tick some items and choose what to do with them."))
                return redirect(back)
            count = moderation.contributions_moderate_bulk(
                actor=request.user,
                contributions=Contribution.objects.filter(pk__in=ids),
                action=action,
                reason=request.POST.get("bulk_reason", ""),
            )
            messages.success(
                request,
                _("Done for %(count)d items: %(action)s.")
                % {"count": count, "action": Action(action).label},
            )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    except ValueError:
        messages.error(request, _("Unknown action."))
    return redirect(f"{back}#queue")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contribution(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything about one contribution for its moderators, and every action on it."""
    item = get_object_or_404(
        Contribution.objects.select_related("campaign", "theme", "participant__user"), pk=pk
    )
    if not can_moderate(request.user, item.campaign):
        raise PermissionDenied
    forms = {
        "respond": RespondForm(initial={"status": item.status}),
        "correct": CorrectForm(initial={"title": item.title, "body": item.body}),
        "duplicate": DuplicateForm(contribution=item),
        "block_form": BlockForm(),
    }
    if request.method == "POST":
        action = request.POST.get("action", "")
        done = _contribution_action(request, item, action, forms)
        if done:
            return redirect("engagement:moderation-contribution", pk=pk)
    return render(
        request,
        "engagement/moderation/contribution.html",
        {
            "item": item,
            "campaign": item.campaign,
            "photos": item.photos.all(),
            "flags": item.flags.select_related("comment").order_by("-created_at"),
            "history": contribution_status_history(contribution=item),
            "log": ModerationAction.objects.filter(target_type="contribution", target_id=item.pk),
            "hide_reasons": HIDE_REASONS,
            **forms,
        },
        status=400 if any(f.errors for f in forms.values()) else 200,
    )


def _contribution_action(request, item: Contribution, action: str, forms: dict) -> bool:
    """Run one action; on refusal put the messages on its form and return False."""
    user = request.user
    try:
        if action in (Action.APPROVE, Action.HIDE, Action.RESTORE):
            moderation.contribution_moderate(
                actor=user,
                contribution=item,
                action=action,
                reason=request.POST.get("reason", ""),
                note=request.POST.get("note", ""),
            )
        elif action == Action.RESPOND:
            form = forms["respond"] = RespondForm(request.POST)
            if not form.is_valid():
                return False
            moderation.contribution_respond(
                actor=user,
                contribution=item,
                status=form.cleaned_data["status"],
                text=form.cleaned_data["text"],
            )
        elif action == Action.EDIT:
            form = forms["correct"] = CorrectForm(request.POST)
            if not form.is_valid():
                return False
            moderation.contribution_correct(
                actor=user,
                contribution=item,
                title=form.cleaned_data["title"],
                body=form.cleaned_data["body"],
                note=form.cleaned_data["note"],
            )
        elif action == Action.DUPLICATE:
            form = forms["duplicate"] = DuplicateForm(request.POST, contribution=item)
            if not form.is_valid():
                return False
            moderation.contribution_mark_duplicate(
                actor=user, contribution=item, original=form.cleaned_data["original"]
            )
        elif action == Action.BLOCK:
            form = forms["block_form"] = BlockForm(request.POST)
            if not form.is_valid() or item.participant is None:
                return False
            moderation.participant_block(
                actor=user,
                campaign=item.campaign,
                participant=item.participant,
                reason=form.cleaned_data["reason"],
            )
        elif action == Action.HIDE_PHOTO:
            photo = get_object_or_404(Photo, pk=request.POST.get("photo"), contribution=item)
            moderation.photo_hide(actor=user, photo=photo, reason=request.POST.get("reason", ""))
        else:
            messages.error(request, _("Unknown action."))
            return False
    except ValidationError as error:
        target = {
            Action.RESPOND: "respond",
            Action.EDIT: "correct",
            Action.DUPLICATE: "duplicate",
        }.get(action)
        if target and hasattr(error, "error_dict"):
            add_service_errors(forms[target], error)
        else:
            messages.error(request, _error_text(error))
        return False
    messages.success(request, _("Done: %(action)s.") % {"action": Action(action).label})
    return True


@login_required
def log(request: HttpRequest) -> HttpResponse:
    """The moderation log of the moderator's campaigns; `?format=csv` downloads it."""
    entries = moderation_log(campaigns=_moderator_campaigns(request))
    if campaign := request.GET.get("campaign"):
        entries = entries.filter(campaign__slug=campaign)
    if request.GET.get("format") == "csv":
        return _log_csv(entries)
    return render(request, "engagement/moderation/log.html", {"entries": entries[:500]})


def _log_csv(entries) -> StreamingHttpResponse:
    """The log as CSV, streamed like the exports, formula-like cells made inert."""
    header = ["when", "campaign", "who", "what", "target", "id", "why", "details"]
    rows = (
        (
            e.created_at.isoformat(),
            e.campaign.slug,
            e.actor,
            e.action,
            e.target_type,
            e.target_id,
            e.reason,
            str(e.details),
        )
        for e in entries.iterator()
    )
    response = StreamingHttpResponse(
        csv_chunks(header, rows), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="yhdessa-moderation-log.csv"'
    return response


@require_POST
def flag(request: HttpRequest, pk: int) -> HttpResponse:
    """A resident flags a contribution or one of its comments (public page)."""
    item = get_object_or_404(Contribution.objects.select_related("campaign"), pk=pk)
    comment = None
    if comment_id := request.POST.get("comment"):
        comment = Comment.objects.filter(pk=comment_id, contribution=item).first()
    try:
        moderation.flag_add(
            participant=request.get_participant(create=True),
            contribution=item,
            comment=comment,
            reason=request.POST.get("reason", ""),
            text=request.POST.get("text", ""),
        )
    except ValidationError as error:
        messages.error(request, _error_text(error))
    else:
        messages.success(request, _("Thank you. A moderator will look at it."))
    return redirect("engagement:contribution-detail", pk=pk)
