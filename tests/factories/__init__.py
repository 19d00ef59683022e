"""factory_boy factories: a small Tampere > Tesoma world unless a test says otherwise.

One module per context (geo, accounts, engagement, moderation, interop, toolkit); everything is
re-exported here, so `from tests.factories import ContributionFactory` works. `FACTORIES` maps
every concrete model of the apps to its factory.
"""

from tests.factories.accounts import (
    TOOLKIT_EDITORS,
    ToolkitEditorFactory,
    UserFactory,
    toolkit_editors_group,
)
from tests.factories.engagement import (
    AccessibilityFeedbackFactory,
    CampaignFactory,
    CommentFactory,
    ContributionFactory,
    FollowFactory,
    ParticipantFactory,
    PhotoFactory,
    StatusChangeFactory,
    SupportFactory,
    ThemeFactory,
)
from tests.factories.geo import (
    INSIDE,
    OUTSIDE,
    TESOMA_BOX,
    AreaFactory,
    PlaceFactory,
    area_for,
    box,
    point_in,
    polygon_in,
    route_in,
)
from tests.factories.interop import ApiKeyFactory, ExportJobFactory
from tests.factories.moderation import (
    BlockFactory,
    FlagFactory,
    ModerationActionFactory,
    RoleFactory,
)
from tests.factories.toolkit import (
    HYPOTHESIS,
    MeasureFactory,
    MethodCardFactory,
    OrganisationFactory,
    PilotFactory,
    PilotFeedbackFactory,
    PilotParticipationFactory,
    PilotPhotoFactory,
    RevisionFactory,
    StoryFactory,
    WorkshopPlanFactory,
    business_id,
)

FACTORIES = {
    factory_class._meta.model: factory_class
    for factory_class in (
        AreaFactory,
        PlaceFactory,
        AccessibilityFeedbackFactory,
        ParticipantFactory,
        CampaignFactory,
        ThemeFactory,
        ContributionFactory,
        PhotoFactory,
        CommentFactory,
        SupportFactory,
        FollowFactory,
        StatusChangeFactory,
        ApiKeyFactory,
        ExportJobFactory,
        RoleFactory,
        FlagFactory,
        BlockFactory,
        ModerationActionFactory,
        OrganisationFactory,
        PilotFactory,
        MeasureFactory,
        PilotParticipationFactory,
        PilotFeedbackFactory,
        PilotPhotoFactory,
        MethodCardFactory,
        StoryFactory,
        RevisionFactory,
        WorkshopPlanFactory,
    )
}

__all__ = [
    "FACTORIES",
    "HYPOTHESIS",
    "INSIDE",
    "OUTSIDE",
    "TESOMA_BOX",
    "TOOLKIT_EDITORS",
    "AccessibilityFeedbackFactory",
    "ApiKeyFactory",
    "AreaFactory",
    "BlockFactory",
    "CampaignFactory",
    "CommentFactory",
    "ContributionFactory",
    "ExportJobFactory",
    "FlagFactory",
    "FollowFactory",
    "MeasureFactory",
    "MethodCardFactory",
    "ModerationActionFactory",
    "OrganisationFactory",
    "ParticipantFactory",
    "PhotoFactory",
    "PilotFactory",
    "PilotFeedbackFactory",
    "PilotParticipationFactory",
    "PilotPhotoFactory",
    "PlaceFactory",
    "RevisionFactory",
    "RoleFactory",
    "StatusChangeFactory",
    "StoryFactory",
    "SupportFactory",
    "ThemeFactory",
    "ToolkitEditorFactory",
    "UserFactory",
    "WorkshopPlanFactory",
    "area_for",
    "box",
    "business_id",
    "point_in",
    "polygon_in",
    "route_in",
    "toolkit_editors_group",
]
