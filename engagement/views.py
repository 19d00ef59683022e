"""HTML pages of the engagement context: thin doors over services and selectors."""

import json

from django.conf import settings
from django.contrib import messages
from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.core.mail import mail_admins, send_mail
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from geo.models import Area
from geo.selectors import area_boundary_geojson

from .forms import AccessibilityFeedbackForm, ContributionForm
from .models import Campaign, Contribution
from .rules import contribute_refusal
from .selectors import (
    ContributionFilters,
    campaign_default,
    contributions_filtered,
    contributions_public,
)
from .services import contribution_submit

LIST_PAGE_SIZE = 50
PENDING_MESSAGE = gettext_lazy(
    "Thank you! Your contribution will be public once a moderator has read it."
)


def home(request: HttpRequest) -> HttpResponse:
    """The default campaign's map, or a short page when there is none yet."""
    campaign = campaign_default()
    if campaign is None:
        return render(request, "engagement/campaign_none.html")
    return campaign_detail(request, slug=campaign.slug)


@require_http_methods(["GET", "HEAD", "POST"])
def campaign_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """Map, list and form of a campaign. The form works without JavaScript (post, redirect)."""
    campaign = get_object_or_404(Campaign.objects.select_related("area"), slug=slug)
    refusal = contribute_refusal(request.user, campaign)
    if request.method == "POST":
        form = ContributionForm(request.POST, campaign=campaign)
        if form.is_valid():
            try:
                contribution = contribution_submit(
                    campaign=campaign,
                    author=request.user,
                    language=get_language() or "",
                    **form.service_kwargs(),
                )
            except ValidationError as error:
                for field, field_errors in error.error_dict.items():
                    target = None if field == NON_FIELD_ERRORS else field
                    form.add_error(target, field_errors)
            else:
                if contribution.moderation_state == Contribution.ModerationState.PUBLISHED:
                    messages.success(request, _("Thank you! Your contribution is on the map."))
                else:
                    messages.success(request, PENDING_MESSAGE)
                return redirect(f"{campaign.get_absolute_url()}#contribution-{contribution.pk}")
    else:
        form = ContributionForm(campaign=campaign)

    page = Paginator(
        contributions_filtered(filters=ContributionFilters(campaign=campaign)).select_related(
            "theme"
        ),
        LIST_PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    return render(
        request,
        "engagement/campaign_detail.html",
        {
            "campaign": campaign,
            "themes": campaign.themes.all(),
            "form": form,
            "refusal": refusal,
            "page": page,
            "boundary_geojson": json.loads(area_boundary_geojson(area=campaign.area)),
            "map_config": _map_config(campaign),
        },
        status=400 if form.errors else 200,
    )


def _map_config(campaign: Campaign) -> dict:
    """What the map script needs: where to read and write, and its words in the page language."""
    return {
        "campaign": campaign.slug,
        "api": reverse("engagement-api:contribution-list"),
        "language": get_language(),
        "kinds": dict(Contribution.Kind.choices),
        "statuses": dict(Contribution.Status.choices),
        "strings": {
            "pinPlaced": _("Pin placed at latitude %(lat)s, longitude %(lon)s."),
            "sending": _("Sending…"),
            "sent": _("Thank you! Your contribution is on the map and in the list."),
            "sentPending": str(PENDING_MESSAGE),
            "failed": _("Sending failed. Your text is kept; please try again."),
            "draftPin": _("Your pin"),
            "loadFailed": _(
                "Pins could not be loaded. The list below still shows every contribution."
            ),
            "mapLabel": _("Map of the campaign area. Use the arrow keys to move the map."),
            "notANumber": _(
                "Enter the coordinates as decimal numbers, for example 61.5 and 23.63."
            ),
        },
    }


def contribution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A contribution's own page; only what the public may see."""
    contribution = get_object_or_404(
        contributions_public().select_related("campaign", "theme", "area"), pk=pk
    )
    return render(
        request,
        "engagement/contribution_detail.html",
        {"contribution": contribution, "campaign": contribution.campaign},
    )


def area_detail(request: HttpRequest, slug: str) -> HttpResponse:
    """An area and the campaigns held in it."""
    area = get_object_or_404(Area, slug=slug)
    campaigns = Campaign.objects.filter(area=area)
    if not campaigns.exists() and not area.children.exists():
        raise Http404
    return render(
        request,
        "engagement/area_detail.html",
        {"area": area, "campaigns": campaigns, "children": area.children.all()},
    )


@require_http_methods(["GET", "HEAD", "POST"])
def accessibility(request: HttpRequest) -> HttpResponse:
    """The accessibility statement and its feedback channel."""
    if request.method == "POST":
        form = AccessibilityFeedbackForm(request.POST)
        if form.is_valid():
            feedback = form.save(commit=False)
            feedback.language = get_language() or ""
            feedback.save()
            _notify_feedback(feedback.message, feedback.email, feedback.page_url)
            messages.success(request, _("Thank you for your feedback. We will read it."))
            return redirect("engagement:accessibility")
    else:
        form = AccessibilityFeedbackForm(initial={"page_url": request.GET.get("page", "")})
    return render(
        request,
        "engagement/accessibility.html",
        {"form": form},
        status=400 if form.errors else 200,
    )


def _notify_feedback(message: str, email: str, page_url: str) -> None:
    subject = "Accessibility feedback"
    text = f"{message}\n\nPage: {page_url or '-'}\nReply to: {email or '-'}"
    if settings.ACCESSIBILITY_FEEDBACK_EMAIL:
        send_mail(subject, text, None, [settings.ACCESSIBILITY_FEEDBACK_EMAIL])
    else:
        mail_admins(subject, text)
