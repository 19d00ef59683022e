"""HTML pages of the engagement context: thin doors over services and selectors.

Every action works without JavaScript (post, then redirect); the map script enhances the
campaign page through the API, which calls the same services.
"""

import json

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.mail import mail_admins, send_mail
from django.core.paginator import Paginator
from django.http import Http404, HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from engagement.background.views import after_contribution
from engagement.common.forms import add_service_errors, service_error_text
from engagement.models import Campaign, Contribution, Flag
from engagement.participation import services
from engagement.participation.api import MAX_LIMIT
from engagement.participation.extensions import (
    campaign_map_layers,
    campaign_panels,
    contribution_panels,
)
from engagement.participation.filters import MAX_IDS
from engagement.participation.forms import (
    AccessibilityFeedbackForm,
    AccountDeleteForm,
    CommentForm,
    ContributionEditForm,
    ContributionForm,
    ListFilterForm,
)
from engagement.participation.middleware import client_address
from engagement.participation.offline import offline_config
from engagement.participation.selectors import (
    campaign_default,
    contribution_comments,
    contribution_hidden_comment_count,
    contribution_own_or_404,
    contribution_public_or_404,
    contribution_status_history,
    contributions_feature_texts,
    contributions_filtered,
    contributions_of_participant,
    participant_export,
    participant_relation,
)
from engagement.rules import can_change_contribution, can_facilitate, contribute_refusal
from engagement.walks.selectors import walk_session_for_code
from geo.models import Area
from geo.selectors import PRIVACY_GRID_METRES, area_boundary_geojson

LIST_PAGE_SIZE = 50


def contribution_url(contribution: Contribution) -> str:
    return reverse("engagement:contribution-detail", kwargs={"pk": contribution.pk})


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
    refusal = contribute_refusal(request.user, campaign, request.get_participant(create=False))
    if request.method == "POST":
        form = ContributionForm(request.POST, request.FILES, campaign=campaign)
        if form.is_valid():
            try:
                contribution = services.contribution_submit(
                    campaign=campaign,
                    participant=request.get_participant(create=True),
                    language=get_language() or "",
                    photos=form.cleaned_data["photos"],
                    idempotency_key=form.cleaned_data["idempotency_key"],
                    address=client_address(request),
                    honeypot=form.cleaned_data["website"],
                    walk_code=form.cleaned_data["walk_code"],
                    **form.service_kwargs(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                published = contribution.moderation_state == Contribution.ModerationState.PUBLISHED
                if published:
                    messages.success(request, _("Thank you! Your contribution is on the map."))
                else:
                    messages.success(request, PENDING_MESSAGE)
                if contribution.walk_session_id:  # back to the form, for the walk's next pin
                    code = contribution.walk_session.code
                    next_url = f"{campaign.get_absolute_url()}?walk={code}#form-heading"
                elif published:
                    next_url = contribution_url(contribution)
                else:
                    next_url = campaign.get_absolute_url()
                return after_contribution(request, campaign, next_url)
    else:
        form = ContributionForm(campaign=campaign, initial={"walk_code": request.GET.get("walk")})
    walk_given = form["walk_code"].value() or ""
    walk, _walk_refusal = walk_session_for_code(campaign=campaign, code=walk_given)

    filter_form = ListFilterForm(request.GET or None, campaign=campaign)
    filters = filter_form.filters(campaign)
    page = Paginator(
        contributions_filtered(filters=filters).select_related("theme", "place", "area"),
        LIST_PAGE_SIZE,
    ).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    themes = list(campaign.themes.all())
    if refusal is None:
        request.participant_cookie_ensure()
    return render(
        request,
        "engagement/campaign_detail.html",
        {
            "campaign": campaign,
            "themes": themes,
            "form": form,
            "geometry_kinds": [
                (kind, Campaign.GeometryKind(kind).label) for kind in campaign.geometry_kinds
            ],
            "filter_form": filter_form,
            "filter_query": query.urlencode(),
            "filtered": any(request.GET.get(k) for k in ("q", "kind", "theme", "status")),
            "refusal": refusal,
            "walk": walk,
            "facilitates": can_facilitate(request.user, campaign),
            "walk_given": bool(walk_given.strip()),
            "page": page,
            "panels": campaign_panels(request=request, campaign=campaign),
            "boundary_geojson": json.loads(area_boundary_geojson(area=campaign.area)),
            "map_config": _map_config(campaign, filters=query, themes=themes),
        },
        status=400 if form.errors else 200,
    )


def _map_config(campaign: Campaign, filters, themes) -> dict:
    """What the map script needs: where to read and write, and the labels of the choices.

    Its own words come from the JavaScript catalog (the djangojs domain), not from here.
    """
    tile = reverse("contribution-tile", kwargs={"z": 0, "x": 0, "y": 0})
    return {
        "campaign": campaign.slug,
        "api": reverse("engagement-api:contribution-list"),
        # "Already reported near here" (engagement/participation/nearby.py).
        "nearbyApi": reverse("engagement-api:campaign-nearby", kwargs={"slug": campaign.slug}),
        # The vector tiles the map draws (engagement.participation.tiles), as a URL template.
        "tiles": tile.replace("/0/0/0.mvt", "/{z}/{x}/{y}.mvt"),
        # At most this many ids in one `?ids=` request (a route's or an area's whole geometry).
        "maxIds": MAX_IDS,
        # A tile names a contribution's theme by its slug: the symbol's colour and the hover
        # text's name come from here.
        "themes": {theme.slug: {"name": theme.name, "color": theme.color} for theme in themes},
        # The API's own maximum, so the map asks for as few pages as the API allows.
        "pageSize": MAX_LIMIT,
        # Layers other apps register (the pilots: toolkit/pilots/panels.py).
        **campaign_map_layers(campaign=campaign),
        "filters": {k: v for k, v in filters.items() if k in ("q", "kind", "theme", "status")},
        "geometryKinds": campaign.geometry_kinds,
        "kinds": dict(Contribution.Kind.choices),
        "statuses": dict(Contribution.Status.choices),
        # The offline walkshop mode (engagement/participation/offline.py, decision 0046).
        "offline": offline_config(language=(get_language() or "fi").split("-")[0]),
    }


def contribution_detail(request: HttpRequest, pk: int) -> HttpResponse:
    """A contribution's own page: what the public may see, plus what its author may do."""
    contribution = get_object_or_404(
        Contribution.objects.select_related("campaign", "theme", "area", "place", "participant"),
        pk=pk,
    )
    participant = request.get_participant(create=False)
    is_author = participant is not None and contribution.participant_id == participant.pk
    state = contribution.moderation_state
    if contribution.duplicate_of_id and not is_author:
        messages.info(request, _("That contribution was merged into this one."))
        return redirect("engagement:contribution-detail", pk=contribution.duplicate_of_id)
    if state != Contribution.ModerationState.PUBLISHED and not is_author:
        if state == Contribution.ModerationState.PENDING:
            raise Http404
        # Hidden means hidden: only that it was hidden, and why, is public.
        return render(
            request,
            "engagement/contribution_hidden.html",
            {"contribution": contribution, "campaign": contribution.campaign},
            status=404,
        )
    return _render_detail(request, contribution, CommentForm())


def _render_detail(
    request: HttpRequest, contribution: Contribution, comment_form: CommentForm, status: int = 200
) -> HttpResponse:
    participant = request.get_participant(create=False)
    url = reverse("engagement:contribution-detail", kwargs={"pk": contribution.pk})
    return render(
        request,
        "engagement/contribution_detail.html",
        {
            "contribution": contribution,
            "campaign": contribution.campaign,
            "public": contribution.moderation_state == Contribution.ModerationState.PUBLISHED,
            "can_change": can_change_contribution(participant, contribution),
            "photos": contribution.photos.filter(hidden=False),
            "panels": contribution_panels(request=request, contribution=contribution),
            "comments": contribution_comments(contribution=contribution),
            "hidden_comments": contribution_hidden_comment_count(contribution=contribution),
            "flag_reasons": Flag.Reason.choices,
            "comment_form": comment_form,
            "history": contribution_status_history(contribution=contribution),
            "relation": participant_relation(contribution=contribution, participant=participant),
            "supports_count": contribution.supports_count,
            "refusal": contribute_refusal(request.user, contribution.campaign, participant),
            "share_url": request.build_absolute_uri(url),
            "feature": json.loads(
                contributions_feature_texts(
                    queryset=Contribution.objects.filter(pk=contribution.pk),
                    exact=can_change_contribution(participant, contribution),
                )[0]
            ),
            "boundary_geojson": json.loads(area_boundary_geojson(area=contribution.campaign.area)),
        },
        status=status,
    )


@require_POST
def comment_create(request: HttpRequest, pk: int) -> HttpResponse:
    """Post a comment or a reply; on errors the page is shown again with the text kept."""
    contribution = contribution_public_or_404(pk=pk)
    form = CommentForm(request.POST)
    if form.is_valid():
        try:
            comment = services.comment_add(
                contribution=contribution,
                participant=request.get_participant(create=True),
                body=form.cleaned_data["body"],
                parent=form.cleaned_data["parent"],
                idempotency_key=form.cleaned_data["idempotency_key"],
                address=client_address(request),
                honeypot=form.cleaned_data["website"],
            )
        except ValidationError as error:
            add_service_errors(form, error)
        else:
            if comment.moderation_state == Contribution.ModerationState.PUBLISHED:
                messages.success(request, _("Thank you for your comment."))
            else:
                messages.success(
                    request,
                    _("Thank you! Your comment will be public once a moderator has read it."),
                )
            url = reverse("engagement:contribution-detail", kwargs={"pk": pk})
            return redirect(f"{url}#comment-{comment.pk}")
    # The reply's comment is a hidden field, so the page says on top what was wrong with it.
    for message in form.errors.get("parent", []):
        messages.error(request, message)
    return _render_detail(request, contribution, form, status=400)


@require_POST
def support_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    """Support, or take a support back (`action=remove`)."""
    contribution = contribution_public_or_404(pk=pk)
    if request.POST.get("action") == "remove":
        participant = request.get_participant(create=False)
        if participant is not None:
            services.support_remove(contribution=contribution, participant=participant)
        messages.success(request, _("Your support was taken back."))
    else:
        try:
            services.support_add(
                contribution=contribution,
                participant=request.get_participant(create=True),
                address=client_address(request),
            )
        except ValidationError as error:
            messages.error(request, service_error_text(error))
        else:
            messages.success(request, _("Thank you for your support."))
    return redirect(reverse("engagement:contribution-detail", kwargs={"pk": pk}) + "#support")


@require_POST
def follow_toggle(request: HttpRequest, pk: int) -> HttpResponse:
    """Follow, or stop following (`action=remove`); following needs an account."""
    contribution = contribution_public_or_404(pk=pk)
    if not request.user.is_authenticated:
        login = reverse("account_login")
        next_url = reverse("engagement:contribution-detail", kwargs={"pk": pk})
        return redirect(f"{login}?next={next_url}")
    participant = request.get_participant(create=True)
    if request.POST.get("action") == "remove":
        services.follow_remove(contribution=contribution, participant=participant)
        messages.success(request, _("You no longer follow this contribution."))
    else:
        services.follow_add(contribution=contribution, participant=participant)
        messages.success(request, _("You follow this contribution and will hear of changes."))
    return redirect(reverse("engagement:contribution-detail", kwargs={"pk": pk}) + "#support")


@require_http_methods(["GET", "HEAD", "POST"])
def contribution_edit(request: HttpRequest, pk: int) -> HttpResponse:
    """The author edits their contribution until a moderator has acted on it."""
    contribution = contribution_own_or_404(pk=pk, participant=request.get_participant(create=False))
    campaign = contribution.campaign
    if request.method == "POST":
        form = ContributionEditForm(request.POST, campaign=campaign)
        if form.is_valid():
            try:
                services.contribution_update(
                    contribution=contribution,
                    participant=request.get_participant(create=False),
                    **form.service_kwargs(),
                )
            except ValidationError as error:
                add_service_errors(form, error)
            else:
                messages.success(request, _("Your changes were saved."))
                return redirect("engagement:contribution-detail", pk=pk)
    else:
        point = contribution.geometry if contribution.geometry.geom_type == "Point" else None
        form = ContributionEditForm(
            campaign=campaign,
            initial={
                "kind": contribution.kind,
                "theme": contribution.theme.slug,
                "title": contribution.title,
                "body": contribution.body,
                "lat": point.y if point else None,
                "lon": point.x if point else None,
                "geometry": "" if point else contribution.geometry.geojson,
                "exact_location_public": contribution.exact_location_public,
            },
        )
    return render(
        request,
        "engagement/contribution_edit.html",
        {"contribution": contribution, "campaign": campaign, "form": form},
        status=400 if form.errors else 200,
    )


@require_POST
def contribution_withdraw(request: HttpRequest, pk: int) -> HttpResponse:
    contribution = contribution_own_or_404(pk=pk, participant=request.get_participant(create=False))
    services.contribution_withdraw(
        contribution=contribution, participant=request.get_participant(create=False)
    )
    messages.success(request, _("Your contribution was withdrawn. It is no longer public."))
    return redirect("engagement:my-contributions")


@login_required
def my_contributions(request: HttpRequest) -> HttpResponse:
    """A signed-in resident's own contributions, and an offer to claim this browser's input."""
    anonymous = request.anonymous_participant()
    claimable = contributions_of_participant(participant=anonymous).count() if anonymous else 0
    participant = request.get_participant(create=True)
    return render(
        request,
        "engagement/my_contributions.html",
        {
            "contributions": [
                (c, can_change_contribution(participant, c))
                for c in contributions_of_participant(participant=participant)
            ],
            "claimable": claimable,
        },
    )


@login_required
@require_POST
def claim_anonymous(request: HttpRequest) -> HttpResponse:
    """Move what this browser sent anonymously into the signed-in account."""
    anonymous = request.anonymous_participant()
    response = redirect("engagement:my-contributions")
    if anonymous is None or anonymous.user_id is not None:
        messages.info(request, _("There was nothing to add to your account."))
        return response
    moved = services.participant_claim(anonymous=anonymous, user=request.user)
    messages.success(
        request,
        _("Your earlier input (%(count)d items) is now in your account.") % {"count": moved},
    )
    response.delete_cookie(settings.PARTICIPANT_COOKIE)
    return response


@login_required
def my_data(request: HttpRequest) -> HttpResponse:
    """Everything the resident contributed, as JSON with the contributions as GeoJSON."""
    data = participant_export(participant=request.get_participant(create=True))
    response = JsonResponse(data, json_dumps_params={"ensure_ascii": False, "indent": 2})
    response["Content-Disposition"] = 'attachment; filename="yhdessa-my-data.json"'
    return response


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def account_delete(request: HttpRequest) -> HttpResponse:
    """Delete the account; contributions stay anonymised unless the resident asks otherwise."""
    form = AccountDeleteForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        services.account_delete(
            user=request.user, remove_contributions=form.cleaned_data["remove_contributions"]
        )
        from django.contrib.auth import logout

        logout(request)
        messages.success(request, _("Your account was deleted."))
        return redirect("engagement:home")
    return render(
        request,
        "engagement/account_delete.html",
        {"form": form},
        status=400 if form.errors else 200,
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


@require_http_methods(["GET", "HEAD"])
def privacy(request: HttpRequest) -> HttpResponse:
    """The privacy notice (GDPR articles 13 and 14): its facts come from the settings that
    make them true, so the notice changes when they do."""
    day = 24 * 3600
    return render(
        request,
        "engagement/privacy.html",
        {
            "controller_name": settings.PRIVACY_CONTROLLER_NAME,
            "controller_contact": settings.PRIVACY_CONTROLLER_CONTACT,
            "dpo_contact": settings.PRIVACY_DPO_CONTACT,
            "retention_days": settings.RETENTION_DAYS,
            "grid_metres": PRIVACY_GRID_METRES,
            "participant_cookie": settings.PARTICIPANT_COOKIE,
            "participant_cookie_days": settings.PARTICIPANT_COOKIE_AGE // day,
            "session_cookie": settings.SESSION_COOKIE_NAME,
            "session_days": settings.SESSION_COOKIE_AGE // day,
            "csrf_cookie": settings.CSRF_COOKIE_NAME,
            "csrf_days": settings.CSRF_COOKIE_AGE // day,
            "kiosk_cookie": settings.KIOSK_DEVICE_COOKIE,
            "kiosk_days": settings.KIOSK_DEVICE_DAYS,
            "mail_days": getattr(settings, "EMAIL_QUEUE_KEEP_DAYS", 7),
            "base_map": bool(settings.LEAFLET_CONFIG.get("TILES")),
            # Set only where reads go to a replica (config/db_router.py, decision 0028).
            "primary_cookie": (
                settings.DATABASE_REPLICA_COOKIE if "replica" in settings.DATABASES else ""
            ),
            "primary_seconds": settings.DATABASE_REPLICA_STICKY_SECONDS,
        },
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
