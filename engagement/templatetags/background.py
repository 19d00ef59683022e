"""Background questions on pages that are not theirs: the analysis page's section and the
residents' links to their own answers (one template line each)."""

from django import template
from django.utils import formats

from engagement.analysis.selectors import AnalysisFilters
from engagement.background.selectors import background_results, min_group, survey_questions
from engagement.models import BackgroundAnswer, Campaign, Contribution
from engagement.models.background import Question

register = template.Library()


@register.inclusion_tag("engagement/background/_analysis_section.html")
def analysis_background(filters: AnalysisFilters) -> dict:
    campaign = filters.campaign
    asked = survey_questions(campaign=campaign)
    return {
        "results": background_results(filters=filters),
        "k": min_group(),
        "campaign": campaign,
        "population_links": [
            (q, Question(q).label) for q in (Question.AGE_GROUP, Question.POSTAL_AREA) if q in asked
        ],
    }


@register.inclusion_tag("engagement/background/_my_answers.html", takes_context=True)
def my_background_answers(context) -> dict:
    """Campaigns where the participant contributed and which ask background questions."""
    request = context["request"]
    participant = request.get_participant(create=False)
    if participant is None:
        return {"campaigns": []}
    answered = set(
        BackgroundAnswer.objects.filter(participant=participant).values_list(
            "campaign_id", flat=True
        )
    )
    campaigns = Campaign.objects.filter(
        pk__in=Contribution.objects.filter(participant=participant).values("campaign"),
        background_survey__isnull=False,
    ).exclude(background_survey__questions=[])
    return {"campaigns": [(c, c.pk in answered) for c in campaigns]}


@register.inclusion_tag("engagement/background/_invite.html", takes_context=True)
def background_invite(context, campaign: Campaign) -> dict:
    """After a send through the map script: the link to the optional questions (hidden until
    then; without the script the page redirects to them itself)."""
    return {"campaign": campaign, "asks": bool(survey_questions(campaign=campaign))}


@register.filter
def count(value: int) -> str:
    """A count in the reader's language, grouped as on the analysis page: "12 345", "12,345"."""
    return formats.number_format(value, force_grouping=True)
