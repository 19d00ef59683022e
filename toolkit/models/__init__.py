"""The toolkit's models, one module per context; new contexts add a module and a line here."""

from toolkit.models.content import (
    Audience,
    Effort,
    MethodCard,
    Phase,
    Publication,
    Revision,
    Story,
    ToolkitTheme,
    WorkshopPlan,
)
from toolkit.models.pilot_steps import PilotStep
from toolkit.models.pilots import (
    Measure,
    Organisation,
    Pilot,
    PilotFeedback,
    PilotParticipation,
    PilotPhoto,
)

__all__ = [
    "Audience",
    "Effort",
    "Measure",
    "MethodCard",
    "Organisation",
    "Phase",
    "Pilot",
    "PilotFeedback",
    "PilotParticipation",
    "PilotPhoto",
    "PilotStep",
    "Publication",
    "Revision",
    "Story",
    "ToolkitTheme",
    "WorkshopPlan",
]
