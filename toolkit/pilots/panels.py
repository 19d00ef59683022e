"""What the pilots add to engagement's pages: the pilots answering a contribution, a campaign's
pilots and their map layer. Registered by `ToolkitConfig.ready()`; engagement never imports
this (docs/decisions/0009)."""

from django.urls import reverse

from engagement.moderation.proposals import status_proposals_pending
from engagement.participation.extensions import (
    register_campaign_layer,
    register_campaign_panel,
    register_contribution_panel,
)
from toolkit.pilots.selectors import pilots_answering, pilots_in_campaign


def contribution_context(contribution) -> dict | None:
    """The pilots answering it, each with the status its result proposes while no official
    has confirmed it."""
    pilots = list(pilots_answering(contribution=contribution))
    proposed = {
        p.source_id: p
        for p in status_proposals_pending(contribution=contribution).filter(source="pilot")
    }
    for pilot in pilots:
        pilot.proposed_status = proposed.get(pilot.pk)
    return {"pilots": pilots} if pilots else None


def campaign_context(campaign) -> dict | None:
    pilots = list(pilots_in_campaign(campaign=campaign))
    return {"pilots": pilots} if pilots else None


def campaign_layer_url(campaign) -> str:
    """The campaign's public pilots as GeoJSON, for the map's purple layer."""
    return reverse("toolkit-api:pilot-list") + f"?campaign={campaign.slug}"


def register() -> None:
    register_contribution_panel(
        name="pilots",
        template="toolkit/_pilots_for_contribution.html",
        context=contribution_context,
    )
    register_campaign_panel(
        name="pilots", template="toolkit/_pilots_for_campaign.html", context=campaign_context
    )
    register_campaign_layer(config_key="pilotsApi", url=campaign_layer_url)
