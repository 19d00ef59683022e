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
from toolkit.models.pilots import (
    Measure,
    Organisation,
    Pilot,
    PilotFeedback,
    PilotParticipation,
    PilotPhoto,
)
from toolkit.models.video import StoryVideo, VideoFailure, VideoState

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
    "Publication",
    "Revision",
    "Story",
    "StoryVideo",
    "ToolkitTheme",
    "VideoFailure",
    "VideoState",
    "WorkshopPlan",
]
