"""The toolkit's pages: find guidance, read cards and stories, the experiment guide."""

import json

from django.db.models import Q
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.utils import translation

from engagement.participation.selectors import (
    campaign_by_slug,
    campaign_default,
    contributions_public,
)
from toolkit.content.selectors import story_video_for_page
from toolkit.models import (
    Audience,
    Effort,
    MethodCard,
    Phase,
    Publication,
    Story,
    ToolkitTheme,
)
from toolkit.pilots.status import PUBLIC_STATUSES
from toolkit.rules import can_see_content

SEARCH_FIELDS_CARD = (
    "title",
    "summary",
    "purpose",
    "when_to_use",
    "steps",
    "watch_out",
    "evaluation",
)
SEARCH_FIELDS_STORY = (
    "title",
    "summary",
    "situation",
    "what_was_done",
    "what_happened",
    "lessons",
    "transcript",
)


def _search(queryset, fields, q: str):
    condition = Q()
    for field in fields:
        condition |= Q(**{f"{field}__icontains": q})
    return queryset.filter(condition)


def index(request: HttpRequest) -> HttpResponse:
    """Guidance by phase, theme, who takes part and effort, with search across all content."""
    cards = MethodCard.objects.filter(status=Publication.PUBLISHED)
    stories = Story.objects.filter(status=Publication.PUBLISHED)
    get = request.GET
    if get.get("phase") in Phase.values:
        cards = cards.filter(phase=get["phase"])
        # A story belongs to the phases of the methods it used.
        stories = stories.filter(methods__phase=get["phase"]).distinct()
    if get.get("theme") in ToolkitTheme.values:
        cards = cards.filter(themes__contains=[get["theme"]])
        stories = stories.filter(themes__contains=[get["theme"]])
    if get.get("audience") in Audience.values:
        cards = cards.filter(audiences__contains=[get["audience"]])
        stories = stories.filter(audiences__contains=[get["audience"]])
    for effort in ("time", "people", "cost"):
        if get.get(effort) in Effort.values:
            cards = cards.filter(**{f"{effort}_effort": get[effort]})
    if q := get.get("q", "").strip():
        cards = _search(cards, SEARCH_FIELDS_CARD, q)
        stories = _search(stories, SEARCH_FIELDS_STORY, q)
    return render(
        request,
        "toolkit/index.html",
        {
            "cards_by_phase": [
                (phase, label, [c for c in cards if c.phase == phase])
                for phase, label in Phase.choices
            ],
            "stories": stories,
            "phases": Phase.choices,
            "themes": ToolkitTheme.choices,
            "audiences": Audience.choices,
            "efforts": Effort.choices,
            "selected": get,
            "count": len(cards) + stories.count(),
        },
    )


def _visible(request: HttpRequest, item) -> bool:
    return can_see_content(request.user, item)


def method_detail(request: HttpRequest, slug: str) -> HttpResponse:
    card = get_object_or_404(MethodCard, slug=slug)
    if not _visible(request, card):
        raise Http404
    return render(
        request,
        "toolkit/method_detail.html",
        {
            "card": card,
            "related": card.related.filter(status=Publication.PUBLISHED),
            "stories": card.stories.filter(status=Publication.PUBLISHED),
            "pilots": card.pilots.filter(status__in=PUBLIC_STATUSES),
        },
    )


def story_detail(request: HttpRequest, slug: str) -> HttpResponse:
    story = get_object_or_404(Story, slug=slug)
    if not _visible(request, story):
        raise Http404
    return render(
        request,
        "toolkit/story_detail.html",
        {
            "story": story,
            "methods": story.methods.filter(status=Publication.PUBLISHED),
            "place_geojson": json.loads(story.place.geojson) if story.place else None,
            "web_video": story_video_for_page(
                story=story, language=translation.get_language() or "fi"
            ),
        },
    )


def guide(request: HttpRequest) -> HttpResponse:
    """From a resident need on the map, through a hypothesis and measures, to a pilot proposal.

    The last step's form hands its values to the pilot form as query parameters.
    """
    campaign = campaign_by_slug(slug=request.GET.get("campaign")) or campaign_default()
    contributions = (
        contributions_public(campaign=campaign).order_by("-created_at")
        if campaign
        else contributions_public().none()
    )
    published = {c.slug: c for c in MethodCard.objects.filter(status=Publication.PUBLISHED)}
    # Template names cannot hold hyphens.
    cards = {slug.replace("-", "_"): card for slug, card in published.items()}
    return render(
        request,
        "toolkit/guide.html",
        {"campaign": campaign, "contributions": contributions, "cards": cards},
    )
