"""The toolkit: organisations and their pilots, method cards, stories, revisions and plans.

A pilot comes out as the pilot services would leave it at its status, without their e-mails:
its place inside the campaign's area, public contributions of the campaign it answers, a
measure, and the status those contributions took when it was approved and reported.
"""

import json
import secrets
from datetime import timedelta
from decimal import Decimal

import factory
from django.core.serializers.json import DjangoJSONEncoder
from django.forms.models import model_to_dict
from django.utils import timezone

from engagement.models import Contribution, StatusChange
from tests.factories.accounts import ToolkitEditorFactory, UserFactory
from tests.factories.engagement import (
    PHOTO_SIZE,
    THUMB_SIZE,
    CampaignFactory,
    ContributionFactory,
    ParticipantFactory,
)
from tests.factories.geo import INSIDE, point_in
from toolkit.models import (
    Measure,
    MethodCard,
    Organisation,
    OrganisationApiKey,
    Pilot,
    PilotFeedback,
    PilotParticipation,
    PilotPhoto,
    Publication,
    Revision,
    Story,
    WorkshopItem,
    WorkshopPlan,
)

HYPOTHESIS = "If there is a bench every 200 m, then more older residents walk to the shops."
WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id(number: int) -> str:
    """A valid Finnish business ID (Y-tunnus) at or after `number`: its check digit is right."""
    while True:
        digits = f"{number % 10_000_000:07d}"
        remainder = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
        if remainder != 1:  # never issued
            return f"{digits}-{0 if remainder == 0 else 11 - remainder}"
        number += 1


def today():
    return timezone.localdate()


class OrganisationFactory(factory.django.DjangoModelFactory):
    """An association with a valid business ID and one member (or the `members` given)."""

    class Meta:
        model = Organisation
        skip_postgeneration_save = True

    name = factory.Sequence(lambda n: f"Tesoman yhdistys {n} ry")
    kind = Organisation.Kind.ASSOCIATION
    business_id = factory.Sequence(lambda n: business_id(1_572_860 + 7 * n))

    @factory.post_generation
    def members(self, create: bool, extracted, **kwargs) -> None:
        if create:
            self.members.add(*(extracted if extracted is not None else [UserFactory()]))


def _mark(pilot: Pilot, status: str, text: str) -> None:
    """The status the pilot services give its contributions, with its public step."""
    for contribution in pilot.contributions.all():
        StatusChange.objects.create(
            contribution=contribution, status=status, text=text, signature=pilot.organisation.name
        )
    pilot.contributions.update(status=status)


class PilotFactory(factory.django.DjangoModelFactory):
    """A proposed pilot that would start yesterday and run a month.

    Statuses as traits: `proposed`, `changes_requested`, `approved` (starts next week), `running`
    (approved, started yesterday, ends in a month), `reported` (ran last month, results in),
    `declined`. `contributions` defaults to one new public contribution of the campaign;
    `measures` to one (a number makes that many).
    """

    class Meta:
        model = Pilot
        skip_postgeneration_save = True

    class Params:
        proposed = factory.Trait(status=Pilot.Status.PROPOSED)
        changes_requested = factory.Trait(
            status=Pilot.Status.CHANGES_REQUESTED, review_reason="Say where the benches stand."
        )
        approved = factory.Trait(
            status=Pilot.Status.APPROVED,
            starts_on=factory.LazyFunction(lambda: today() + timedelta(days=7)),
        )
        running = factory.Trait(status=Pilot.Status.APPROVED)
        reported = factory.Trait(
            status=Pilot.Status.REPORTED,
            starts_on=factory.LazyFunction(lambda: today() - timedelta(days=40)),
            narrative="Residents used the benches every day.",
            next_step=Pilot.NextStep.SCALE_UP,
            outcome=Contribution.Status.PLANNED,
            reported_at=factory.LazyFunction(timezone.now),
        )
        declined = factory.Trait(
            status=Pilot.Status.DECLINED, review_reason="The path is rebuilt this summer."
        )

    organisation = factory.SubFactory(OrganisationFactory)
    campaign = factory.SubFactory(CampaignFactory)
    title = factory.Sequence(lambda n: f"Benches on the way to Länsikeskus {n}")
    geometry = factory.LazyAttribute(lambda o: point_in(o.campaign.area))
    hypothesis = HYPOTHESIS
    asks = "A permit to place the benches."
    starts_on = factory.LazyFunction(lambda: today() - timedelta(days=1))
    ends_on = factory.LazyAttribute(lambda o: o.starts_on + timedelta(days=30))
    status = Pilot.Status.PROPOSED
    created_by = factory.LazyAttribute(lambda o: o.organisation.members.first())

    @factory.post_generation
    def contributions(self, create: bool, extracted, **kwargs) -> None:
        if not create:
            return
        answered = (
            extracted if extracted is not None else [ContributionFactory(campaign=self.campaign)]
        )
        self.contributions.set(answered)
        if self.status in (Pilot.Status.APPROVED, Pilot.Status.REPORTED):
            _mark(self, Contribution.Status.IN_PILOT, f"The pilot “{self.title}” tries this out.")
        if self.status == Pilot.Status.REPORTED:
            _mark(self, self.outcome, f"Result of the pilot “{self.title}”.")

    @factory.post_generation
    def measures(self, create: bool, extracted, **kwargs) -> None:
        if not create:
            return
        actual = Decimal("130.00") if self.status == Pilot.Status.REPORTED else None
        for position in range(1 if extracted is None else extracted):
            MeasureFactory(pilot=self, position=position, actual=actual)

    @factory.post_generation
    def method_cards(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.method_cards.set(extracted)


class MeasureFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Measure

    pilot = factory.SubFactory(PilotFactory, measures=0)
    name = factory.Sequence(lambda n: f"Walkers counted a day {n}")
    unit = "people"
    target = Decimal("120.00")
    actual = None


class PilotParticipationFactory(factory.django.DjangoModelFactory):
    """A resident who took part in a running pilot."""

    class Meta:
        model = PilotParticipation

    pilot = factory.SubFactory(PilotFactory, running=True)
    participant = factory.SubFactory(ParticipantFactory)


class PilotFeedbackFactory(factory.django.DjangoModelFactory):
    """A resident's rating of a running pilot."""

    class Meta:
        model = PilotFeedback

    pilot = factory.SubFactory(PilotFactory, running=True)
    participant = factory.SubFactory(ParticipantFactory)
    rating = 4
    comment = "I sat on the benches on my way to the shop."


class PilotPhotoFactory(factory.django.DjangoModelFactory):
    """A real JPEG of a reported pilot's result, written through the storage."""

    class Meta:
        model = PilotPhoto

    pilot = factory.SubFactory(PilotFactory, reported=True)
    image = factory.django.ImageField(
        filename="pilot.jpg", format="JPEG", width=PHOTO_SIZE[0], height=PHOTO_SIZE[1]
    )
    thumbnail = factory.django.ImageField(
        filename="pilot-thumb.jpg", format="JPEG", width=THUMB_SIZE[0], height=THUMB_SIZE[1]
    )
    width, height = PHOTO_SIZE
    position = 0


class MethodCardFactory(factory.django.DjangoModelFactory):
    """A published planning card in Finnish, Swedish and English; `draft` keeps it unpublished."""

    class Meta:
        model = MethodCard
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=Publication.DRAFT)
        number = factory.Sequence(lambda n: n)

    slug = factory.LazyAttribute(lambda o: f"walking-workshop-{o.number}")
    phase = "planning"
    themes = factory.LazyFunction(lambda: ["innovative-routes"])
    audiences = factory.LazyFunction(lambda: ["residents"])
    time_effort = "low"
    people_effort = "medium"
    cost_effort = "low"
    title_fi = factory.LazyAttribute(lambda o: f"Kävelytyöpaja {o.number}")
    title_sv = factory.LazyAttribute(lambda o: f"Promenadverkstad {o.number}")
    title_en = factory.LazyAttribute(lambda o: f"Walking workshop {o.number}")
    summary_fi = "Kävellään reitti yhdessä ja kirjataan, mikä sitä vaivaa."
    summary_sv = "Vi går rutten tillsammans och antecknar vad som stör."
    summary_en = "Walk the route together and note what gets in the way."
    steps_fi = "1. Valitse reitti\n2. Kävelkää\n3. Kootkaa havainnot"
    steps_sv = "1. Välj rutten\n2. Gå\n3. Samla iakttagelserna"
    steps_en = "1. Choose the route\n2. Walk\n3. Gather what you saw"
    status = Publication.PUBLISHED

    @factory.post_generation
    def related(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.related.set(extracted)


class StoryFactory(factory.django.DjangoModelFactory):
    """A published story of good practice at Länsikeskus; `draft` keeps it unpublished."""

    class Meta:
        model = Story
        skip_postgeneration_save = True

    class Params:
        draft = factory.Trait(status=Publication.DRAFT)
        number = factory.Sequence(lambda n: n)

    slug = factory.LazyAttribute(lambda o: f"sauna-evening-{o.number}")
    themes = factory.LazyFunction(lambda: ["doing-together"])
    audiences = factory.LazyFunction(lambda: ["residents", "officials"])
    title_fi = factory.LazyAttribute(lambda o: f"Saunailta {o.number}")
    title_sv = factory.LazyAttribute(lambda o: f"Bastukväll {o.number}")
    title_en = factory.LazyAttribute(lambda o: f"Sauna evening {o.number}")
    summary_fi = "Virkamies tuli saunaan kuuntelemaan asukkaita."
    summary_sv = "En tjänsteman kom till bastun för att lyssna på invånarna."
    summary_en = "An official came to the sauna to listen to residents."
    discussion_questions_en = "1. What would you try?"
    place = factory.LazyFunction(INSIDE.clone)
    place_name = "Tesoma"
    status = Publication.PUBLISHED

    @factory.post_generation
    def methods(self, create: bool, extracted, **kwargs) -> None:
        if create and extracted:
            self.methods.set(extracted)


def _snapshot(content) -> dict:
    """The revision's copy of every field, as plain JSON values."""
    data = model_to_dict(content, exclude=["related", "methods", "video", "captions"])
    return json.loads(json.dumps(data, cls=DjangoJSONEncoder))


class RevisionFactory(factory.django.DjangoModelFactory):
    """A toolkit editor's saved version of a method card (or of the `content` given)."""

    class Meta:
        model = Revision

    class Params:
        content = factory.SubFactory(MethodCardFactory)

    content_kind = factory.LazyAttribute(
        lambda o: "method" if isinstance(o.content, MethodCard) else "story"
    )
    content_id = factory.LazyAttribute(lambda o: o.content.pk)
    editor = factory.SubFactory(ToolkitEditorFactory)
    data = factory.LazyAttribute(lambda o: _snapshot(o.content))


class WorkshopPlanFactory(factory.django.DjangoModelFactory):
    """A facilitator's session plan of one card (30 minutes), shared by an unguessable link."""

    class Meta:
        model = WorkshopPlan
        skip_postgeneration_save = True

    token = factory.LazyFunction(lambda: secrets.token_urlsafe(16))
    title = "Evening session"
    created_by = None

    @factory.post_generation
    def card(self, create, extracted, **kwargs):
        if create:
            WorkshopItem.objects.create(
                plan=self, kind="method", method=extracted or MethodCardFactory(), minutes=30
            )


class OrganisationApiKeyFactory(factory.django.DjangoModelFactory):
    """An organisation's live API key, made by one of its members."""

    class Meta:
        model = OrganisationApiKey

    organisation = factory.SubFactory(OrganisationFactory)
    api_key = factory.SubFactory("tests.factories.interop.ApiKeyFactory")
    created_by = factory.LazyAttribute(lambda o: o.organisation.members.first())
