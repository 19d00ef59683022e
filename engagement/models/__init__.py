"""The engagement app's models, one module per concern; imported here so Django finds them."""

from engagement.models.analysis import (
    AnalysisCount,
    AnalysisHexBin,
    AnalysisRefresh,
    AnalysisTerm,
    ContributionTerms,
)
from engagement.models.background import (
    BackgroundAnswer,
    BackgroundSurvey,
    PopulationBase,
    PopulationValue,
)
from engagement.models.exports import ExportJob
from engagement.models.feedback import AccessibilityFeedback
from engagement.models.integration import ApiKey
from engagement.models.live import LiveChange
from engagement.models.map_cells import ContributionCell
from engagement.models.moderation import Block, Flag, ModerationAction, Role
from engagement.models.participation import (
    Campaign,
    Comment,
    Contribution,
    Follow,
    HiddenReason,
    OncePerParticipant,
    Participant,
    Photo,
    StatusChange,
    Support,
    Theme,
    default_geometry_kinds,
)
from engagement.models.proposals import StatusProposal
from engagement.models.routing import CityUnit, InternalNote, ReplyTemplate
from engagement.models.walks import WalkSession

__all__ = [
    "AccessibilityFeedback",
    "AnalysisCount",
    "AnalysisHexBin",
    "AnalysisRefresh",
    "AnalysisTerm",
    "ApiKey",
    "BackgroundAnswer",
    "BackgroundSurvey",
    "Block",
    "Campaign",
    "CityUnit",
    "Comment",
    "Contribution",
    "ContributionCell",
    "ContributionTerms",
    "ExportJob",
    "Flag",
    "Follow",
    "HiddenReason",
    "InternalNote",
    "LiveChange",
    "ModerationAction",
    "OncePerParticipant",
    "Participant",
    "Photo",
    "PopulationBase",
    "PopulationValue",
    "ReplyTemplate",
    "Role",
    "StatusChange",
    "StatusProposal",
    "Support",
    "Theme",
    "WalkSession",
    "default_geometry_kinds",
]
