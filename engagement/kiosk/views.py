"""The kiosk: a campaign's form on a shared public screen (a library's), decision 0048.

Anonymous whoever uses it: the pages read no participant, session or account, set no cookie
(no CSRF token either: see `kiosk`), are never stored (`Cache-Control: no-store`), and start
over after each contribution and after a while without input (static/js/kiosk.js).
"""

import json

from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.translation import gettext as _
from django.views.decorators.csrf import csrf_exempt
from django.views.decorators.http import require_http_methods

from engagement.common.forms import add_service_errors
from engagement.interop.authentication import cross_site_write
from engagement.kiosk.devices import kiosk_device, kiosk_device_clear, kiosk_device_set
from engagement.kiosk.forms import KioskForm
from engagement.kiosk.services import kiosk_contribution_submit, kiosk_refusal
from engagement.models import Campaign
from engagement.participation.middleware import client_address
from engagement.rules import can_moderate
from geo.selectors import area_boundary_geojson


def _campaign(slug: str) -> Campaign:
    return get_object_or_404(Campaign.objects.select_related("area"), slug=slug)


def _start_url(campaign: Campaign) -> str:
    """The kiosk in the site's default language (Finnish): where the screen starts over."""
    with translation.override(settings.LANGUAGE_CODE):
        return reverse("engagement:kiosk", kwargs={"slug": campaign.slug})


def _config(campaign: Campaign, *, changed: bool) -> dict:
    return {
        "start": _start_url(campaign),
        "idleSeconds": settings.KIOSK_IDLE_SECONDS,
        "warningSeconds": settings.KIOSK_WARNING_SECONDS,
        "thanksSeconds": settings.KIOSK_THANKS_SECONDS,
        # Something to forget already: a refused form's text, or another language.
        "changed": changed,
    }


def _screen(response: HttpResponse) -> HttpResponse:
    """Nothing of a kiosk page is kept: not in a cache, not in the back-forward cache."""
    response["Cache-Control"] = "no-store"
    return response


@csrf_exempt
@require_http_methods(["GET", "HEAD", "POST"])
def kiosk(request: HttpRequest, slug: str) -> HttpResponse:
    """The kiosk's map and form; a sent form goes to the thanks, a refused one comes back with
    its messages beside the fields and the text kept.

    No CSRF token: it would be a cookie, and a kiosk keeps none. A forged post could use no
    one's authority (the view reads no session or participant cookie; the screen's cookie is
    SameSite=Strict), and the origin is checked as the API checks it.
    """
    campaign = _campaign(slug)
    refusal = kiosk_refusal(campaign)
    form = KioskForm(campaign=campaign)
    status = 200
    if request.method == "POST":
        status = 400
        if cross_site_write(request):
            refusal = _(
                "This request came from another website. Send it from this site's own pages."
            )
            status = 403
        elif not refusal:
            form = KioskForm(request.POST, campaign=campaign)
            if form.is_valid():
                try:
                    kiosk_contribution_submit(
                        campaign=campaign,
                        language=translation.get_language() or "",
                        idempotency_key=form.cleaned_data["idempotency_key"],
                        address=client_address(request),
                        honeypot=form.cleaned_data["website"],
                        device=kiosk_device(request, campaign),
                        **form.service_kwargs(),
                    )
                except ValidationError as error:
                    add_service_errors(form, error)
                else:
                    return _screen(redirect("engagement:kiosk-thanks", slug=campaign.slug))
    changed = status != 200 or translation.get_language() != settings.LANGUAGE_CODE
    return _screen(
        render(
            request,
            "engagement/kiosk.html",
            {
                "campaign": campaign,
                "form": form,
                "refusal": refusal,
                "themes": list(campaign.themes.all()),
                "boundary": json.loads(area_boundary_geojson(area=campaign.area)),
                "kiosk_config": _config(campaign, changed=changed),
            },
            status=status,
        )
    )


@require_http_methods(["GET", "HEAD"])
def kiosk_thanks(request: HttpRequest, slug: str) -> HttpResponse:
    """The thanks and what happens next, for a few seconds; then the kiosk starts over."""
    campaign = _campaign(slug)
    return _screen(
        render(
            request,
            "engagement/kiosk_thanks.html",
            {
                "campaign": campaign,
                "pending": campaign.moderation == Campaign.Moderation.PRE,
                "start_url": _start_url(campaign),
                "kiosk_config": _config(campaign, changed=True),
            },
        )
    )


@login_required
@require_http_methods(["GET", "HEAD", "POST"])
def kiosk_activate(request: HttpRequest, slug: str) -> HttpResponse:
    """A moderator of the campaign makes this browser the campaign's kiosk screen (or stops
    it being one). Activating signs the moderator out, so the screen holds no account."""
    campaign = _campaign(slug)
    if not can_moderate(request.user, campaign):
        raise PermissionDenied(_("Only the campaign's moderators may set up its kiosk screens."))
    if request.method == "POST":
        action = request.POST.get("action")
        if action == "activate":
            user_id = request.user.pk
            logout(request)
            response = redirect("engagement:kiosk", slug=campaign.slug)
            kiosk_device_set(response, campaign=campaign, user_id=user_id)
            response.delete_cookie(settings.PARTICIPANT_COOKIE)
            response.delete_cookie(settings.CSRF_COOKIE_NAME)
            # A screen of its own: whatever the site kept in this browser goes (the base map's
            # choice, an offline outbox, a service worker), cookies aside.
            response["Clear-Site-Data"] = '"cache", "storage"'
            return _screen(response)
        if action == "deactivate":
            response = redirect("engagement:kiosk-activate", slug=campaign.slug)
            kiosk_device_clear(response)
            return _screen(response)
    return _screen(
        render(
            request,
            "engagement/kiosk_activate.html",
            {
                "campaign": campaign,
                "active": bool(kiosk_device(request, campaign)),
                "limit": settings.KIOSK_RATE_LIMITS["contribution"][0],
            },
        )
    )
