"""Personas and the small world most tests stand in."""

import pytest

from engagement.participation.services import participant_for_user
from tests.factories import CampaignFactory, ParticipantFactory, ThemeFactory, UserFactory


@pytest.fixture
def resident(db):
    """A signed-up resident of Tesoma."""
    return UserFactory(username="aino", first_name="Aino")


@pytest.fixture
def resident_participant(resident):
    return participant_for_user(user=resident)


@pytest.fixture
def visitor(db):
    """An anonymous participant: a browser that has not signed in."""
    return ParticipantFactory()


@pytest.fixture
def campaign(db):
    """An open, post-moderated campaign over a box around Länsikeskus that takes anonymous input."""
    return CampaignFactory(title="Tesoma together", slug="tesoma-together")


@pytest.fixture
def theme(campaign):
    return ThemeFactory(campaign=campaign, name="Innovative routes", slug="innovative-routes")


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Finnish, the default language, whatever the previous request chose."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache; each test starts with none."""
    from django.core.cache import cache

    cache.clear()


def _official(username: str, kind: str, **scope):
    from engagement.models import Role

    user = UserFactory(username=username)
    Role.objects.create(
        user=user, kind=kind, title="Area coordinator", unit="Western team", **scope
    )
    return user


@pytest.fixture
def moderator(campaign):
    """Moderates the Tesoma campaign."""
    return _official("moderator-a", "moderator", campaign=campaign)


@pytest.fixture
def area_moderator(campaign):
    """Moderates every campaign of the area the Tesoma campaign is in."""
    return _official("moderator-area", "moderator", area=campaign.area)


@pytest.fixture
def other_moderator(db):
    """Moderates another campaign, elsewhere."""
    return _official("moderator-b", "moderator", campaign=CampaignFactory())


@pytest.fixture
def analyst(campaign):
    """Analyses the Tesoma campaign; moderates nothing."""
    return _official("analyst-a", "analyst", campaign=campaign)


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)
