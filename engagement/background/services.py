"""Writes of background answers and of the area's population structure (decision 0034)."""

from decimal import Decimal

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils.translation import gettext as _

from engagement.background.selectors import survey_questions
from engagement.models import BackgroundAnswer, Campaign, Participant
from engagement.models.background import (
    DECLINED,
    AgeGroup,
    PopulationBase,
    PopulationValue,
    Question,
    Relation,
    postal_code_validator,
)


@transaction.atomic
def background_answer_save(
    *,
    campaign: Campaign,
    participant: Participant,
    age_group: str = "",
    postal_code: str = "",
    relations: list[str] | None = None,
) -> BackgroundAnswer | None:
    """Store (or replace) the participant's answers; every one may be empty. Questions the
    campaign does not ask are not stored. All empty: the answer set is removed."""
    asked = survey_questions(campaign=campaign)
    relations = list(dict.fromkeys(relations or []))
    if age_group and age_group not in (*AgeGroup.values, DECLINED):
        raise ValidationError({"age_group": _("Choose one of the age groups.")})
    if postal_code and postal_code != DECLINED:
        try:
            postal_code_validator(postal_code)
        except ValidationError as error:
            raise ValidationError({"postal_code": error.messages}) from None
    if any(r not in (*Relation.values, DECLINED) for r in relations):
        raise ValidationError({"relations": _("Choose among the listed relations.")})
    if DECLINED in relations and len(relations) > 1:
        raise ValidationError(
            {"relations": _("Choose your relations, or “Prefer not to say”, not both.")}
        )
    values = {
        "age_group": age_group if Question.AGE_GROUP in asked else "",
        "postal_code": postal_code if Question.POSTAL_AREA in asked else "",
        "relations": relations if Question.RELATION in asked else [],
    }
    if not any(values.values()):
        BackgroundAnswer.objects.filter(campaign=campaign, participant=participant).delete()
        return None
    answer, _created = BackgroundAnswer.objects.update_or_create(
        campaign=campaign, participant=participant, defaults=values
    )
    return answer


def background_answers_claim(*, anonymous: Participant, target: Participant) -> int:
    """An anonymous browser's answer sets move into the account, except for campaigns where
    the account already answered (its own answers are newer in intent and kept)."""
    taken = BackgroundAnswer.objects.filter(participant=target).values("campaign")
    BackgroundAnswer.objects.filter(participant=anonymous, campaign__in=taken).delete()
    return BackgroundAnswer.objects.filter(participant=anonymous).update(participant=target)


@transaction.atomic
def population_save(
    *,
    campaign: Campaign,
    question: str,
    measure: str,
    source: str,
    year: int,
    values: dict[str, Decimal],
    is_demo: bool = False,
) -> PopulationBase:
    """Replace the population structure for one question (its groups, source and year)."""
    base, _created = PopulationBase.objects.update_or_create(
        campaign=campaign,
        question=question,
        defaults={"measure": measure, "source": source, "year": year, "is_demo": is_demo},
    )
    base.values.all().delete()
    PopulationValue.objects.bulk_create(
        PopulationValue(base=base, group=group, value=value) for group, value in values.items()
    )
    return base
