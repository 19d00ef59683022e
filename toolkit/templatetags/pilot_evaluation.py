"""The neighbours' rating on the pilot page: rows of its measures table, a signed-in
neighbour's link to rate, and the comments for the organisation and the campaign's officials
(docs/decisions/0041)."""

from django import template
from django.urls import reverse
from django.utils.formats import number_format

from toolkit.models import Pilot
from toolkit.pilots.evaluation import (
    evaluation_token,
    pilot_invitation_of,
    pilot_neighbours_comments,
    pilot_neighbours_rating,
)
from toolkit.rules import can_review_pilot, is_member

register = template.Library()


@register.inclusion_tag("toolkit/_neighbours_rating_rows.html")
def neighbours_rating_rows(pilot: Pilot) -> dict:
    """One row per phase in which neighbours were invited, the mean in the reader's language
    ("4,4 / 5" in Finnish and Swedish, "4.4 / 5" in English) from k answers."""
    return {
        "ratings": [
            {
                "phase": r.phase,
                "label": r.label,
                "answers": r.answers,
                "mean": r.mean,
                "mean_text": number_format(r.mean, 1) if r.mean is not None else "",
                "k": r.k,
            }
            for r in pilot_neighbours_rating(pilot=pilot)
        ]
    }


@register.inclusion_tag("toolkit/_neighbours_panel.html", takes_context=True)
def neighbours_panel(context: dict, pilot: Pilot) -> dict:
    """For a signed-in neighbour, the link to their invitation (the e-mail's link, without the
    e-mail); for the organisation's members and the campaign's moderators, the neighbours'
    comments without names."""
    request = context["request"]
    user = request.user
    allowed = is_member(user, pilot.organisation) or can_review_pilot(user, pilot)
    invitation = None
    if user.is_authenticated:
        participant = request.get_participant(create=False)
        invitation = participant and pilot_invitation_of(pilot=pilot, participant=participant)
    return {
        "comments": pilot_neighbours_comments(pilot=pilot) if allowed else [],
        "invitation_url": (
            reverse("toolkit:pilot-evaluate", kwargs={"token": evaluation_token(invitation)})
            if invitation
            else ""
        ),
        "answered": bool(invitation and invitation.answered_at),
    }
