"""The toolkit's models, one module per context; new contexts add a module and a line here."""

from toolkit.models.api_keys import OrganisationApiKey
from toolkit.models.content import (
    Audience,
    Effort,
    MethodCard,
    Phase,
    Publication,
    Revision,
    Story,
    ToolkitTheme,
)
from toolkit.models.evaluation import EvaluationPhase, PilotEvaluation, PilotEvaluationRound
from toolkit.models.pilot_steps import PilotStep
from toolkit.models.pilots import (
    Measure,
    Organisation,
    Pilot,
    PilotFeedback,
    PilotParticipation,
    PilotPhoto,
)
from toolkit.models.video import StoryVideo, VideoFailure, VideoState
from toolkit.models.workshops import PlanKind, WorkshopItem, WorkshopItemKind, WorkshopPlan

__all__ = [
    "Audience",
    "Effort",
    "EvaluationPhase",
    "Measure",
    "MethodCard",
    "Organisation",
    "OrganisationApiKey",
    "Phase",
    "Pilot",
    "PilotEvaluation",
    "PilotEvaluationRound",
    "PilotFeedback",
    "PilotParticipation",
    "PilotPhoto",
    "PilotStep",
    "PlanKind",
    "Publication",
    "Revision",
    "Story",
    "StoryVideo",
    "ToolkitTheme",
    "VideoFailure",
    "VideoState",
    "WorkshopItem",
    "WorkshopItemKind",
    "WorkshopPlan",
]
