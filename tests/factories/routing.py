"""The officials' desk: city units, reply templates, internal notes (decision 0030)."""

import factory

from engagement.models import CityUnit, InternalNote, ReplyTemplate
from tests.factories.accounts import UserFactory
from tests.factories.engagement import CampaignFactory, ContributionFactory


class CityUnitFactory(factory.django.DjangoModelFactory):
    """A campaign's unit with no themes or areas (its catch-all) unless given some:
    `CityUnitFactory(themes=[theme], areas=[area])`."""

    class Meta:
        model = CityUnit
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Unit {n}")
    name_fi = factory.SelfAttribute("name")
    email = factory.Sequence(lambda n: f"unit{n}@example.org")
    campaign = factory.SubFactory(CampaignFactory)
    answer_within_days = 14

    @factory.post_generation
    def themes(self, create, extracted, **kwargs) -> None:
        if create and extracted:
            self.themes.set(extracted)

    @factory.post_generation
    def areas(self, create, extracted, **kwargs) -> None:
        if create and extracted:
            self.areas.set(extracted)


class ReplyTemplateFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ReplyTemplate

    unit = factory.SubFactory(CityUnitFactory)
    title = "Thank you, forwarded"
    title_fi = "Kiitos, välitetty"
    title_sv = "Tack, vidarebefordrat"
    title_en = "Thank you, forwarded"
    body_fi = "Kiitos ehdotuksesta. Välitimme sen suunnittelijoille."
    body_sv = "Tack för förslaget. Vi har skickat det vidare till planerarna."
    body_en = "Thank you for the idea. We have passed it on to the planners."
    body = factory.SelfAttribute("body_fi")


class InternalNoteFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = InternalNote

    contribution = factory.SubFactory(ContributionFactory)
    author = factory.SubFactory(UserFactory)
    signature = "Area coordinator, Western team"
    body = "Called the street maintenance contractor; they will check it on Monday."
