"""The loop back from a pilot (issue 15): its steps with a card's checklist, the status it
proposes for an answered contribution (0040), the neighbours invited to rate it (0041)."""

import factory
from django.utils import timezone

from engagement.models import Contribution, StatusProposal
from tests.factories.engagement import ContributionFactory, ParticipantFactory
from tests.factories.toolkit import MethodCardFactory, PilotFactory
from toolkit.models import EvaluationPhase, PilotEvaluation, PilotEvaluationRound, PilotStep


class StatusProposalFactory(factory.django.DjangoModelFactory):
    """A pilot's result proposing "planned" for a contribution, waiting for an official."""

    class Meta:
        model = StatusProposal

    contribution = factory.SubFactory(ContributionFactory)
    status = Contribution.Status.PLANNED
    text = "The pilot worked; the city plans to make it permanent."
    proposed_by = "Tesoman nuoret ry"
    source = "pilot"
    source_id = None
    source_url = ""


class PilotStepFactory(factory.django.DjangoModelFactory):
    """A planning step with a card and a two-item checklist, one ticked."""

    class Meta:
        model = PilotStep

    pilot = factory.SubFactory(PilotFactory)
    position = 0
    title = "Plan the evening with the residents"
    phase = "planning"
    method_card = factory.SubFactory(MethodCardFactory)
    checklist = factory.LazyFunction(
        lambda: [
            {"text": {"fi": "Kutsu asukkaat", "en": "Invite the residents"}, "done": True},
            {"text": {"fi": "Varaa tila", "en": "Book a room"}, "done": False},
        ]
    )


class PilotEvaluationFactory(factory.django.DjangoModelFactory):
    """A neighbour invited as the pilot started, who has answered 4 of 5."""

    class Meta:
        model = PilotEvaluation

    pilot = factory.SubFactory(PilotFactory)
    participant = factory.SubFactory(ParticipantFactory)
    phase = EvaluationPhase.START
    language = "fi"
    rating = 4
    comment = "Hyvä kokeilu."
    answered_at = factory.LazyFunction(timezone.now)


class PilotEvaluationRoundFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = PilotEvaluationRound

    pilot = factory.SubFactory(PilotFactory)
    phase = EvaluationPhase.START
    invited = 3
