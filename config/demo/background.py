"""The demo's background questions: the campaign asks all three, demo respondents have
answered, and the population of Tesoma is entered as demo values (marked so on every page
that shows them: they are not statistics). Idempotent: respondents are matched on their token.
"""

from decimal import Decimal

from engagement.background.services import background_answer_save, population_save
from engagement.models import BackgroundSurvey, Campaign, Participant
from engagement.models.background import DECLINED, PopulationBase, Question

DEMO_SOURCE = "Yhdessä demo (invented values, not Statistics Finland's)"
DEMO_YEAR = 2025
AGE_POPULATION = {
    "0-17": 3400,
    "18-29": 2100,
    "30-44": 2600,
    "45-64": 3100,
    "65-74": 1500,
    "75-": 1200,
}
POSTAL_POPULATION = {"33310": 9800, "33300": 4100, "33330": 1900}
# (how many respondents, age group, postal code, relations): 60 in all, so most groups reach
# k = 5 and the smallest show how they are combined.
RESPONDENTS = [
    (3, "0-17", "33310", ["lives", "studies"]),
    (8, "18-29", "33310", ["lives"]),
    (10, "30-44", "33310", ["lives", "works"]),
    (8, "30-44", "33300", ["lives"]),
    (12, "45-64", "33310", ["lives"]),
    (5, "45-64", "33330", ["visits"]),
    (7, "65-74", "33310", ["lives"]),
    (2, "75-", "33200", ["lives", "business"]),
    (4, DECLINED, "33330", ["visits", "other"]),
    (1, DECLINED, DECLINED, [DECLINED]),
]


def demo_background_load(campaign: Campaign) -> int:
    """The survey, the respondents' answers and the demo population; returns respondents."""
    BackgroundSurvey.objects.update_or_create(
        campaign=campaign, defaults={"questions": list(Question.values)}
    )
    number = 0
    for count, age, postal, relations in RESPONDENTS:
        for _ in range(count):
            number += 1
            participant, _created = Participant.objects.get_or_create(
                token_hash=f"demo-respondent-{number:03d}"
            )
            background_answer_save(
                campaign=campaign,
                participant=participant,
                age_group=age,
                postal_code=postal,
                relations=relations,
            )
    for question, values in (
        (Question.AGE_GROUP, AGE_POPULATION),
        (Question.POSTAL_AREA, POSTAL_POPULATION),
    ):
        population_save(
            campaign=campaign,
            question=question,
            measure=PopulationBase.Measure.COUNT,
            source=DEMO_SOURCE,
            year=DEMO_YEAR,
            values={group: Decimal(n) for group, n in values.items()},
            is_demo=True,
        )
    return number
