"""Pages of organisations and pilots (`/pilots/`, `/organisations/new/`, `/moderation/pilots/`)."""

import json
from collections.abc import Callable
from typing import TypeVar

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.utils.translation import ngettext
from django.views.decorators.http import require_http_methods, require_POST

from engagement.common.forms import add_service_errors, form_id
from engagement.participation.selectors import (
    campaign_boundaries_geojson,
    campaign_by_slug,
    campaigns_all,
)
from engagement.rules import moderated_campaigns
from geo.models import Area
from toolkit.models import Organisation, Pilot, PilotStep
from toolkit.pilots import services, steps
from toolkit.pilots.forms import FeedbackForm, OrganisationForm, PilotForm, ReportForm, ReviewForm
from toolkit.pilots.selectors import (
    contribution_public_or_none,
    contribution_themes,
    pilot_contributions,
    pilot_feedback_summary,
    pilot_suggestions,
    pilots_filtered,
)
from toolkit.pilots.status import (
    SHOWN_STATUS_CHOICES,
    UNDER_REVIEW,
    pilot_has_started,
    pilot_is_running,
)
from toolkit.rules import can_edit_pilot, can_review_pilot, can_see_pilot, is_member

T = TypeVar("T")


def pilot_list(request: HttpRequest) -> HttpResponse:
    """Public pilots by status, area and theme: the same selector as the API's list."""
    status = request.GET.get("status", "")
    pilots = pilots_filtered(
        # An unknown status filters nothing, as a select box offers only the known ones.
        status=status if status in dict(SHOWN_STATUS_CHOICES) else None,
        area=Area.objects.filter(slug=request.GET.get("area", "")).first(),
        theme=request.GET.get("theme") or None,
    ).select_related("organisation", "campaign__area")
    return render(
        request,
        "toolkit/pilot_list.html",
        {
            "pilots": pilots,
            "statuses": SHOWN_STATUS_CHOICES,
            "areas": Area.objects.filter(campaigns__isnull=False).distinct(),
            "themes": sorted(
                {
                    (t.slug, t.name)
                    for c in campaigns_all().prefetch_related("themes")
                    for t in c.themes.all()
                },
                key=lambda pair: pair[1],
            ),
            "selected": request.GET,
            "my_organisations": (
                Organisation.objects.filter(members=request.user)
                if request.user.is_authenticated
                else []
            ),
        },
    )


def pilot_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """The whole story: the motivating pins, the plan, the people, the result."""
    pilot = get_object_or_404(Pilot.objects.select_related("organisation", "campaign"), pk=pk)
    if not can_see_pilot(request.user, pilot):  # the rule its photos are served by, too
        raise Http404
    member = is_member(request.user, pilot.organisation)
    participant = request.get_participant(create=False)
    feedback = pilot_feedback_summary(pilot=pilot)
    return render(
        request,
        "toolkit/pilot_detail.html",
        {
            "pilot": pilot,
            "campaign": pilot.campaign,
            "contributions": pilot_contributions(pilot=pilot),
            "measures": pilot.measures.all(),
            "photos": pilot.photos.all(),
            "member": member,
            "can_edit": can_edit_pilot(request.user, pilot),
            "can_report": member and pilot_has_started(pilot),
            "running": pilot_is_running(pilot),
            "feedback_open": services.feedback_is_open(pilot),
            "feedback": feedback,
            "feedback_comments": pilot.feedback.exclude(comment="").order_by("-created_at")[:20],
            "participants": pilot.participations.count(),
            "took_part": bool(participant)
            and pilot.participations.filter(participant=participant).exists(),
            "feedback_form": FeedbackForm(),
            "geojson": json.loads(pilot.geometry.geojson),
            "steps": pilot.steps.select_related("method_card"),
            "can_tick": member and pilot.status == Pilot.Status.APPROVED,
            "proposals": services.pilot_outcome_proposals(pilot=pilot),
            "can_confirm": can_review_pilot(request.user, pilot),
        },
    )


def _submitted(request: HttpRequest, form, call: Callable[[], T]) -> T | None:
    """The service's result for a valid posted form; None when there is nothing to do or the
    service refused, its refusal then on the form."""
    if request.method != "POST" or not form.is_valid():
        return None
    try:
        return call()
    except ValidationError as error:
        add_service_errors(form, error)
        return None


def _form_page(request: HttpRequest, template: str, form, **context) -> HttpResponse:
    """A form's page; 400 while it shows errors."""
    return render(request, template, {"form": form, **context}, status=400 if form.errors else 200)


def _form_context(form: PilotForm, suggestions: list | None = None) -> dict:
    """The proposal page's map: the campaigns' boundaries, the suggestions' API, the chosen."""
    return {
        "suggestions": suggestions,
        "chosen": form.chosen_contributions(),
        "map_config": {
            "boundaries": campaign_boundaries_geojson(),
            "suggestionsApi": reverse("toolkit-api:pilot-suggestions"),
            "distance": settings.PILOT_SUGGESTION_METRES,
            "geometryKinds": ["polygon", "line", "point"],
        },
    }


def _suggested(form: PilotForm) -> dict:
    """ "Suggest contributions" without the map: the suggestions for the posted place; nothing
    is sent and nothing typed is lost (the form's own errors wait for the real sending)."""
    form.full_clean()
    place = form.drawn_place() if hasattr(form, "cleaned_data") else None
    form.errors.clear()
    suggestions = []
    if place is not None and form.campaign is not None:
        chosen = [c.pk for c in form.chosen_contributions()]
        suggestions = [
            s
            for s in pilot_suggestions(
                campaign=form.campaign,
                place=place,
                themes=contribution_themes(ids=chosen),
                metres=settings.PILOT_SUGGESTION_METRES,
            )
            if s["id"] not in chosen
        ]
    return _form_context(form, suggestions)


def _my_organisations(request: HttpRequest):
    organisations = Organisation.objects.filter(members=request.user)
    if not organisations.exists():
        return None
    return organisations


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def pilot_new(request: HttpRequest) -> HttpResponse:
    """An organisation's member proposes a pilot linked to residents' contributions."""
    organisations = _my_organisations(request)
    if organisations is None:
        messages.info(request, _("Register your organisation first."))
        return redirect("toolkit:organisation-new")
    initial = {"campaign": request.GET.get("campaign")} if request.GET.get("campaign") else {}
    if preselected := request.GET.getlist("contribution"):
        initial["contributions"] = preselected
        # `?contribution=<id>` alone is enough: its campaign comes with it.
        first = contribution_public_or_none(pk=preselected[0])
        if first is not None and "campaign" not in initial:
            initial["campaign"] = first.campaign.slug
    # The experiment guide hands its values over as query parameters.
    for key in ("title", "hypothesis", "measure_0_name", "measure_0_unit", "measure_0_target"):
        if request.GET.get(key):
            initial[key] = request.GET[key]
    if organisations.count() == 1:
        initial["organisation"] = organisations.first().pk
    form = PilotForm(
        request.POST or None,
        organisations=organisations,
        initial=initial,
        campaign=campaign_by_slug(slug=initial.get("campaign")),
    )
    if "suggest" in request.POST:
        return _form_page(request, "toolkit/pilot_form.html", form, **_suggested(form))
    pilot = _submitted(
        request,
        form,
        lambda: services.pilot_propose(
            user=request.user,
            organisation=form.cleaned_data["organisation"],
            campaign=form.cleaned_data["campaign"],
            **form.service_kwargs(),
        ),
    )
    if pilot:
        messages.success(request, _("Thank you! The city's officials will review the pilot."))
        return redirect(pilot)
    return _form_page(request, "toolkit/pilot_form.html", form, **_form_context(form))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def pilot_edit(request: HttpRequest, pk: int) -> HttpResponse:
    pilot = get_object_or_404(Pilot, pk=pk)
    if not can_edit_pilot(request.user, pilot):
        raise PermissionDenied
    organisations = Organisation.objects.filter(pk=pilot.organisation_id)
    form = PilotForm(
        request.POST or None,
        organisations=organisations,
        campaign=pilot.campaign,
        initial=PilotForm.initial_for(pilot),
    )
    if "suggest" in request.POST:
        return _form_page(request, "toolkit/pilot_form.html", form, pilot=pilot, **_suggested(form))
    if _submitted(
        request,
        form,
        lambda: services.pilot_update(user=request.user, pilot=pilot, **form.service_kwargs()),
    ):
        messages.success(request, _("The pilot was sent for review again."))
        return redirect(pilot)
    return _form_page(request, "toolkit/pilot_form.html", form, pilot=pilot, **_form_context(form))


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def pilot_report(request: HttpRequest, pk: int) -> HttpResponse:
    """The organisation reports its results."""
    pilot = get_object_or_404(Pilot, pk=pk)
    if not is_member(request.user, pilot.organisation):
        raise PermissionDenied
    form = ReportForm(request.POST or None, request.FILES or None, pilot=pilot)
    if _submitted(
        request,
        form,
        lambda: services.pilot_report(
            user=request.user,
            pilot=pilot,
            actuals=form.actuals(),
            narrative=form.cleaned_data["narrative"],
            next_step=form.cleaned_data["next_step"],
            outcome=form.cleaned_data["outcome"],
            photos=form.cleaned_data["photos"],
        ),
    ):
        messages.success(request, _("The results are published, and the residents told."))
        return redirect(pilot)
    return _form_page(request, "toolkit/pilot_report.html", form, pilot=pilot)


@require_POST
def pilot_join(request: HttpRequest, pk: int) -> HttpResponse:
    pilot = get_object_or_404(Pilot, pk=pk)
    try:
        services.pilot_join(pilot=pilot, participant=request.get_participant(create=True))
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you for taking part!"))
    return redirect(pilot)


@require_POST
def pilot_feedback(request: HttpRequest, pk: int) -> HttpResponse:
    pilot = get_object_or_404(Pilot, pk=pk)
    form = FeedbackForm(request.POST)
    if not form.is_valid():
        messages.error(request, _("Choose a rating from 1 to 5."))
        return redirect(pilot)
    try:
        services.pilot_feedback_add(
            pilot=pilot,
            participant=request.get_participant(create=True),
            rating=form.cleaned_data["rating"],
            comment=form.cleaned_data["comment"],
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("Thank you for your feedback."))
    return redirect(pilot)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def organisation_new(request: HttpRequest) -> HttpResponse:
    form = OrganisationForm(request.POST or None)
    if _submitted(
        request,
        form,
        lambda: services.organisation_register(
            user=request.user,
            name=form.cleaned_data["name"],
            kind=form.cleaned_data["kind"],
            business_id=form.cleaned_data["business_id"],
            member_emails=form.cleaned_data["members"].splitlines(),
        ),
    ):
        messages.success(request, _("Your organisation is registered. Now propose a pilot."))
        return redirect("toolkit:pilot-new")
    return _form_page(request, "toolkit/organisation_form.html", form)


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def review_list(request: HttpRequest) -> HttpResponse:
    """Proposals waiting for the officials of the campaigns one moderates."""
    campaigns = moderated_campaigns(request.user)
    if not campaigns.exists():
        raise PermissionDenied
    forms = {}
    refused = False
    if request.method == "POST" and "confirm" in request.POST:
        return _confirm_outcome(request, request.POST.get("confirm"))
    if request.method == "POST" and (pilot_id := form_id(request.POST.get("pilot"))) is None:
        messages.error(request, _("Choose a proposal to review."))
        refused = True
    elif request.method == "POST":
        pilot = get_object_or_404(Pilot, pk=pilot_id)
        form = ReviewForm(request.POST, prefix=f"pilot-{pilot.pk}")
        if _submitted(
            request,
            form,
            lambda: services.pilot_review(
                actor=request.user,
                pilot=pilot,
                decision=form.cleaned_data["decision"],
                reason=form.cleaned_data["reason"],
            ),
        ):
            messages.success(
                request,
                _("“%(title)s” is now: %(status)s.")
                % {"title": pilot.title, "status": pilot.get_status_display()},
            )
            return redirect("toolkit:pilot-review")
        forms[pilot.pk] = form
    waiting = (
        Pilot.objects.filter(campaign__in=campaigns, status__in=UNDER_REVIEW)
        .select_related("organisation", "campaign")
        .prefetch_related("measures", "contributions")
    )
    decided = Pilot.objects.filter(campaign__in=campaigns).exclude(status__in=UNDER_REVIEW)[:20]
    reported = services.pilots_outcome_proposals(
        pilots=list(Pilot.objects.filter(campaign__in=campaigns, status=Pilot.Status.REPORTED))
    )
    items = [(p, forms.get(p.pk) or ReviewForm(prefix=f"pilot-{p.pk}")) for p in waiting]
    return render(
        request,
        "toolkit/review_list.html",
        {"items": items, "decided": decided, "reported": reported},
        status=400 if forms or refused else 200,
    )


def _confirm_outcome(request: HttpRequest, pilot_id: str | None) -> HttpResponse:
    """An official confirms, in one step, the status a reported pilot proposes."""
    pilot = get_object_or_404(Pilot, pk=form_id(pilot_id) or 0)
    try:
        count = services.pilot_outcome_confirm(actor=request.user, pilot=pilot)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(
            request,
            ngettext(
                "The proposed status is now public on %(count)d contribution.",
                "The proposed status is now public on %(count)d contributions.",
                count,
            )
            % {"count": count},
        )
    if request.POST.get("next") == "pilot":
        return redirect(pilot)
    return redirect("toolkit:pilot-review")


@login_required
@require_POST
def pilot_step_tick(request: HttpRequest, pk: int, step: int) -> HttpResponse:
    """A member ticks or unticks one item of a step's checklist."""
    item = get_object_or_404(PilotStep, pk=step, pilot_id=pk)
    try:
        steps.pilot_step_tick(
            user=request.user,
            step=item,
            index=_item_index(request.POST.get("item")),
            done=request.POST.get("done") == "1",
        )
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    return redirect(reverse("toolkit:pilot-detail", kwargs={"pk": pk}) + f"#step-{item.pk}")


def _item_index(value: str | None) -> int:
    """A checklist item's index as posted; -1 (refused by the service) when not a number."""
    text = (value or "").strip()
    return int(text) if text.isascii() and text.isdigit() and len(text) < 4 else -1
