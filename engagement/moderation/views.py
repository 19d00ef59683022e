"""Moderation pages (`/moderation/`): thin doors over engagement.moderation.

Every page and action works with plain forms and the keyboard; every permission is checked by
the services (and by the pages for what they show).
"""

import json
from dataclasses import replace

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse, StreamingHttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from engagement.common.forms import add_service_errors, form_id, service_error_text
from engagement.interop.exports.csv_writer import csv_chunks
from engagement.models import Comment, Contribution, ModerationAction
from engagement.moderation import routing_services as routing
from engagement.moderation import services as moderation
from engagement.moderation.actions import moderation_action_perform
from engagement.moderation.forms import (
    HIDE_REASONS,
    BlockForm,
    CorrectForm,
    DuplicateForm,
    FlagForm,
    QueueFilterForm,
    RespondForm,
)
from engagement.moderation.log_labels import log_rows
from engagement.moderation.proposals import status_proposal_confirm, status_proposals_pending
from engagement.moderation.routing_forms import InternalNoteForm, UnitForm
from engagement.moderation.routing_selectors import (
    contribution_age,
    contribution_deadline,
    contribution_language,
    internal_notes_of,
    queue_unit_counts,
    reply_templates_for,
    units_for_campaign,
)
from engagement.moderation.selectors import (
    QueueFilters,
    campaigns_moderated_or_refuse,
    contribution_history,
    duplicate_candidates,
    moderation_comment_queue,
    moderation_log,
    moderation_queue,
)
from engagement.participation.middleware import client_address
from engagement.participation.views import contribution_detail
from engagement.rules import can_moderate
from geo.selectors import area_boundary_geojson

Action = ModerationAction.Action
QUEUE_SIZE = 50


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def queue(request: HttpRequest) -> HttpResponse:
    """New and flagged contributions and comments of the moderator's campaigns."""
    campaigns = campaigns_moderated_or_refuse(user=request.user)
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
        q=data.get("q") or "",
        unit=data.get("unit") or None,
        sort=data.get("sort") or "oldest",
    )
    items = list(
        moderation_queue(campaigns=campaigns, filters=filters).prefetch_related("photos", "flags")[
            :QUEUE_SIZE
        ]
    )
    desk = _queue_desk(campaigns, filters, items)
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
            **desk,
        },
    )


def _queue_desk(campaigns, filters: QueueFilters, items: list[Contribution]) -> dict:
    """The officials' desk in the queue (decision 0030): counts per unit of the queue as
    filtered but for the unit, and each item's age and deadline."""
    everywhere = moderation_queue(campaigns=campaigns, filters=replace(filters, unit=None))
    now = timezone.now()
    for item in items:
        item.age = contribution_age(item, now)
        item.deadline = contribution_deadline(item, now)
    return {"unit_counts": queue_unit_counts(everywhere), "chosen_unit": filters.unit or ""}


def _queue_action(request: HttpRequest) -> HttpResponse:
    """One form serves the whole queue: a button names one item and action, or a bulk action
    applies to the ticked items."""
    back = request.POST.get("next", "")
    # Only back to a path of this site: "//other.host/" starts with a slash too, and a value
    # without one ("1e309") would be looked up as a view's name by redirect().
    if not back.startswith("/") or not url_has_allowed_host_and_scheme(
        back, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        back = reverse("engagement:moderation-queue")
    try:
        if single := request.POST.get("single"):
            kind, pk, action = single.split(":")
            reason = request.POST.get(f"reason-{kind}-{pk}", "")
            if kind == "contribution":
                item = get_object_or_404(Contribution, pk=pk)
                moderation_action_perform(
                    actor=request.user, contribution=item, action=action, data={"reason": reason}
                )
            else:
                item = get_object_or_404(Comment, pk=pk)
                moderation.comment_moderate(
                    actor=request.user, comment=item, action=action, reason=reason
                )
            messages.success(request, _("Done: %(action)s.") % {"action": Action(action).label})
        else:
            ids = [pk for pk in map(form_id, request.POST.getlist("ids")) if pk is not None]
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
        messages.error(request, service_error_text(error))
    except ValueError:
        messages.error(request, _("Unknown action."))
    return redirect(f"{back}#queue")


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def contribution(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything about one contribution for its moderators, and every action on it: its exact
    place on a map with the nearby duplicate candidates, its history, the actions grouped."""
    item = get_object_or_404(
        Contribution.objects.select_related(
            "campaign", "theme", "participant__user", "walk_session__campaign"
        ),
        pk=pk,
    )
    if not can_moderate(request.user, item.campaign):
        raise PermissionDenied
    forms = {
        "respond": RespondForm(initial={"status": item.status}),
        "correct": CorrectForm(initial={"title": item.title, "body": item.body}),
        "duplicate": DuplicateForm(contribution=item),
        "block_form": BlockForm(),
    }
    desk = _desk_forms(request, item)
    if request.method == "POST" and request.POST.get("action") == "confirm_proposal":
        _proposal_confirm(request, item)
        return redirect("engagement:moderation-contribution", pk=pk)
    if request.method == "POST" and request.POST.get("action") in DESK_ACTIONS:
        if _desk_action(request, item, desk):
            return redirect("engagement:moderation-contribution", pk=pk)
    elif request.method == "POST":
        action = request.POST.get("action", "")
        done = _contribution_action(request, item, action, forms)
        if done:
            return redirect("engagement:moderation-contribution", pk=pk)
    candidates = duplicate_candidates(contribution=item)
    return render(
        request,
        "engagement/moderation/contribution.html",
        {
            "item": item,
            "campaign": item.campaign,
            "photos": item.photos.all(),
            "flags": item.flags.select_related("comment").order_by("-created_at"),
            "history": contribution_history(contribution=item),
            "candidates": candidates,
            "map_data": _map_data(item, candidates),
            "boundary_geojson": json.loads(area_boundary_geojson(area=item.campaign.area)),
            "hide_reasons": HIDE_REASONS,
            "proposals": status_proposals_pending(contribution=item),
            **forms,
            **_desk_context(request, item, desk, forms),
        },
        # Back on the page after a POST means the action was refused.
        status=400 if request.method == "POST" else 200,
    )


def _map_data(item: Contribution, candidates: list[Contribution]) -> dict:
    """The moderator's map: the exact geometry of the contribution and of each candidate, with
    the number the list gives it (the list says the same in words)."""

    def feature(contribution: Contribution, number: int | None) -> dict:
        return {
            "type": "Feature",
            "geometry": json.loads(contribution.geometry.geojson),
            "properties": {
                "id": contribution.pk,
                "number": number,
                "title": contribution.title,
                "kind": contribution.kind,
                "color": contribution.theme.color,
            },
        }

    return {
        "contribution": feature(item, None),
        "candidates": {
            "type": "FeatureCollection",
            "features": [feature(c, i) for i, c in enumerate(candidates, start=1)],
        },
    }


# The actions whose input a form parses: the form's name in the page's context, and the form.
ACTION_FORMS = {
    Action.RESPOND: ("respond", RespondForm),
    Action.EDIT: ("correct", CorrectForm),
    Action.DUPLICATE: ("duplicate", DuplicateForm),
    Action.BLOCK: ("block_form", BlockForm),
}


def _contribution_action(request, item: Contribution, action: str, forms: dict) -> bool:
    """Run one action; on refusal put the messages on its form and return False."""
    data = request.POST
    name, form_class = ACTION_FORMS.get(action, (None, None))
    if form_class is not None:
        kwargs = {"contribution": item} if form_class is DuplicateForm else {}
        form = forms[name] = form_class(request.POST, **kwargs)
        if not form.is_valid():
            return False
        data = form.cleaned_data
        if action == Action.BLOCK:
            data = {"note": data["reason"]}  # a block's reason is the log's note
    try:
        moderation_action_perform(actor=request.user, contribution=item, action=action, data=data)
    except ValidationError as error:
        if name in ("respond", "correct", "duplicate") and hasattr(error, "error_dict"):
            add_service_errors(forms[name], error)
        else:
            messages.error(request, service_error_text(error))
        return False
    messages.success(request, _("Done: %(action)s.") % {"action": Action(action).label})
    return True


def _proposal_confirm(request: HttpRequest, item: Contribution) -> None:
    """Confirm, in one step, a status proposed for the contribution (a pilot's result)."""
    proposal = (
        status_proposals_pending(contribution=item)
        .filter(pk=form_id(request.POST.get("proposal")) or 0)
        .first()
    )
    if proposal is None:
        messages.error(request, _("This proposal has already been decided."))
        return
    try:
        status_proposal_confirm(actor=request.user, proposal=proposal)
    except ValidationError as error:
        messages.error(request, service_error_text(error))
    else:
        messages.success(request, _("Done: %(action)s.") % {"action": Action.RESPOND.label})


# The officials' desk on the detail page (decision 0030): the unit, internal notes, reply
# templates. Their own actions, forms and context, beside the moderation actions above.
DESK_ACTIONS = ("unit", "note")


def _desk_forms(request: HttpRequest, item: Contribution) -> dict:
    units = units_for_campaign(item.campaign).order_by("name", "id")
    return {
        "units": units,
        "unit_form": UnitForm(initial={"unit": item.unit_id}, units=units),
        "note_form": InternalNoteForm(),
    }


def _desk_action(request: HttpRequest, item: Contribution, desk: dict) -> bool:
    """Change the unit or add a note; on refusal put the messages on its form."""
    if request.POST["action"] == "unit":
        form = desk["unit_form"] = UnitForm(
            request.POST, units=desk["unit_form"].fields["unit"].queryset
        )
        done = _("Done: %(action)s.") % {"action": Action.UNIT.label}
    else:
        form = desk["note_form"] = InternalNoteForm(request.POST)
        done = _("The note was added.")
    if not form.is_valid():
        return False
    try:
        if request.POST["action"] == "unit":
            routing.contribution_unit_set(
                actor=request.user, contribution=item, unit=form.cleaned_data["unit"]
            )
        else:
            routing.internal_note_add(
                actor=request.user, contribution=item, body=form.cleaned_data["internal_note"]
            )
    except ValidationError as error:
        form.add_error(None, service_error_text(error))
        return False
    messages.success(request, done)
    return True


def _desk_context(request: HttpRequest, item: Contribution, desk: dict, forms: dict) -> dict:
    """Notes, the unit and its deadline, the reply templates; a template chosen without
    JavaScript (`?template=ID`) fills the answer, in the contribution's language."""
    templates = reply_templates_for(item)
    chosen = next((t for t in templates if str(t.pk) == request.GET.get("template")), None)
    if chosen is not None and request.method != "POST":
        forms["respond"] = RespondForm(initial={"status": item.status, "text": chosen.body})
    return {
        **desk,
        "notes": internal_notes_of(item),
        "deadline": contribution_deadline(item),
        "reply_templates": templates,
        "chosen_template": chosen,
        "template_language": contribution_language(item),
        "respond": forms["respond"],
    }


@login_required
def log(request: HttpRequest) -> HttpResponse:
    """The moderation log of the moderator's campaigns; `?format=csv` downloads it."""
    entries = moderation_log(
        campaigns=campaigns_moderated_or_refuse(user=request.user),
        campaign_slug=request.GET.get("campaign"),
    )
    if request.GET.get("format") == "csv":
        return _log_csv(entries, site=request.build_absolute_uri("/").rstrip("/"))
    return render(request, "engagement/moderation/log.html", {"rows": log_rows(entries[:500])})


def _log_csv(entries, *, site: str) -> StreamingHttpResponse:
    """The log as CSV, streamed like the exports, formula-like cells made inert. The header,
    actions, kinds and reasons are in the reader's language; the stored codes stay beside them
    (`action`, `target_type`) so a spreadsheet can still filter on a code that never changes."""
    header = [
        _("When"),
        _("Campaign"),
        _("Who"),
        _("What"),
        "action",
        _("Concerns"),
        "target_type",
        "id",
        _("Title"),
        _("Why"),
        _("Link"),
        "details",
    ]

    language = translation.get_language()

    def rows():
        # Streamed after the view has returned: the request's language is set again here. In
        # pages of entries, so the titles are read a page at a time, never one per entry.
        with translation.override(language):
            chunk: list[ModerationAction] = []
            for entry in entries.iterator(chunk_size=500):
                chunk.append(entry)
                if len(chunk) == 500:
                    yield from _log_csv_rows(chunk, site)
                    chunk = []
            yield from _log_csv_rows(chunk, site)

    response = StreamingHttpResponse(
        csv_chunks(header, rows()), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = 'attachment; filename="yhdessa-moderation-log.csv"'
    return response


def _log_csv_rows(entries: list[ModerationAction], site: str):
    for row in log_rows(entries):
        e = row.entry
        yield (
            e.created_at.isoformat(),
            e.campaign.slug if e.campaign else "",
            e.actor,
            row.action,
            e.action,
            row.kind,
            e.target_type,
            e.target_id,
            row.title,
            row.reason,
            f"{site}{row.link}" if row.link else "",
            json.dumps(e.details, ensure_ascii=False),
        )


@require_POST
def flag(request: HttpRequest, pk: int) -> HttpResponse:
    """A resident flags a contribution or one of its comments (public page). A refusal is
    shown on the contribution's page with a 400, as the API answers it."""
    item = get_object_or_404(Contribution.objects.select_related("campaign"), pk=pk)
    form = FlagForm(request.POST)
    if form.is_valid():
        try:
            moderation.flag_add(
                participant=request.get_participant(create=True),
                contribution=item,
                comment=form.cleaned_data["comment"],
                reason=form.cleaned_data["reason"],
                text=form.cleaned_data["text"],
                address=client_address(request),
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            messages.success(request, _("Thank you. A moderator will look at it."))
            return redirect("engagement:contribution-detail", pk=pk)
    for errors in form.errors.values():
        for message in errors:
            messages.error(request, message)
    response = contribution_detail(request, pk=pk)
    if response.status_code == 200:
        response.status_code = 400
    return response
