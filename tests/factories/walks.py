"""Walk sessions: a facilitator's walk in a campaign, going on unless `ended`."""

import factory
from django.utils import timezone

from engagement.models import WalkSession
from engagement.walks.services import walk_code_new
from tests.factories.accounts import UserFactory
from tests.factories.engagement import CampaignFactory


class WalkSessionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = WalkSession

    class Params:
        ended = factory.Trait(ended_at=factory.LazyFunction(timezone.now))

    campaign = factory.SubFactory(CampaignFactory)
    code = factory.LazyFunction(walk_code_new)
    title = "Tesoma station walk"
    started_by = factory.SubFactory(UserFactory, username=factory.Sequence(lambda n: f"walker{n}"))
    ended_at = None
