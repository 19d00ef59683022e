"""Personas and the small world most tests stand in."""

import pytest

from engagement.services import participant_for_user
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
