"""Who took part: background questions, answers and the population to compare with (0034)."""

from decimal import Decimal

import factory

from engagement.models.background import (
    AgeGroup,
    BackgroundAnswer,
    BackgroundSurvey,
    PopulationBase,
    PopulationValue,
    Question,
    Relation,
)
from tests.factories.engagement import CampaignFactory, ParticipantFactory


class BackgroundSurveyFactory(factory.django.DjangoModelFactory):
    """A campaign that asks all three questions unless told which."""

    class Meta:
        model = BackgroundSurvey
        django_get_or_create = ("campaign",)

    campaign = factory.SubFactory(CampaignFactory)
    questions = factory.LazyFunction(lambda: [q.value for q in Question])


class BackgroundAnswerFactory(factory.django.DjangoModelFactory):
    """A resident of 33310 aged 30 to 44 who lives in the area."""

    class Meta:
        model = BackgroundAnswer

    participant = factory.SubFactory(ParticipantFactory)
    campaign = factory.SubFactory(CampaignFactory)
    age_group = AgeGroup.FROM_30.value
    postal_code = "33310"
    relations = factory.LazyFunction(lambda: [Relation.LIVES.value])


class PopulationBaseFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PopulationBase

    campaign = factory.SubFactory(CampaignFactory)
    question = Question.AGE_GROUP.value
    measure = PopulationBase.Measure.COUNT
    source = "Statistics Finland, population by postal code area"
    year = 2025


class PopulationValueFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PopulationValue

    base = factory.SubFactory(PopulationBaseFactory)
    group = AgeGroup.FROM_30.value
    value = Decimal("1250")
