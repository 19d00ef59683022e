"""Personas and the small world most tests stand in.

The world: the "Tesoma together" campaign (the site's default) over a box around Länsikeskus,
its theme and a public contribution. The personas, each a signed-up user: `resident` (Aino),
`moderator` and `analyst` of the campaign, `area_moderator`, `other_moderator`,
`organisation_member` (Oona, of the Tesoma traders' association), `toolkit_editor` and
`administrator`; `<persona>_client` is a test client signed in as that persona.
"""

import pytest
from django.test import Client

from engagement.models import Contribution, Participant
from engagement.participation.services import participant_for_user
from tests.factories import (
    CampaignFactory,
    ContributionFactory,
    OrganisationFactory,
    ParticipantFactory,
    RoleFactory,
    ThemeFactory,
    ToolkitEditorFactory,
    UserFactory,
)
from toolkit.models import Organisation


def pytest_terminal_summary(terminalreporter) -> None:
    """Figures a test recorded with `record_property("summary_line", ...)` (the Voikko
    coverage), printed at the end of every run, with or without -s, with or without xdist."""
    lines = [
        value
        for report in terminalreporter.getreports("passed") + terminalreporter.getreports("failed")
        for name, value in getattr(report, "user_properties", [])
        if name == "summary_line"
    ]
    if lines:
        terminalreporter.section("figures")
        for line in dict.fromkeys(lines):
            terminalreporter.write_line(line)


@pytest.fixture(scope="session", autouse=True)
def _fast_flush():
    """Live-server tests end with a flush; DELETE instead of TRUNCATE (tests/demo_snapshot.py)."""
    from tests.demo_snapshot import fast_flush_install

    fast_flush_install()


@pytest.fixture(scope="session")
def migrated_schema(django_db_setup, django_db_blocker, tmp_path_factory):
    """The session's migrated test database as SQL (tests/servers.py `schema_dump`), for the
    clusters of the fault and worker tests: loaded in a second instead of a `migrate` each.
    pytest-django sets the test database up only for a session with a django_db test in it:
    the tests that use this carry the mark."""
    from django.db import connection

    from tests.servers import schema_dump

    with django_db_blocker.unblock():
        connection.ensure_connection()
        info = connection.connection.info
    return schema_dump(
        tmp_path_factory.mktemp("schema") / "migrated.sql",
        host=info.host,
        port=info.port,
        user=info.user,
        dbname=info.dbname,
        password=info.password,
    )


@pytest.fixture(autouse=True)
def default_language():
    """Each test starts in Finnish, the default language, whatever the previous request chose."""
    from django.conf import settings
    from django.utils import translation

    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(scope="session", autouse=True)
def queued_email(django_test_environment):
    """Django's test set-up puts its in-memory e-mail backend in front; put the site's outbox
    back (config.mail), so every e-mail a test sends is queued and delivered as the site does it,
    into `mail.outbox` (EMAIL_DELIVERY_BACKEND in config/settings/test.py)."""
    from django.conf import settings

    settings.EMAIL_BACKEND = "config.mail.QueuedEmailBackend"


@pytest.fixture(autouse=True)
def empty_cache():
    """Rate-limit counters live in the cache; each test starts with none. The tiles' process
    caches too: a campaign loaded again within a second would be answered from the old one."""
    from django.core.cache import cache

    from engagement.participation.tiles import tile_caches_clear

    cache.clear()
    tile_caches_clear()


@pytest.fixture(scope="session")
def _media_dir(tmp_path_factory):
    return tmp_path_factory.mktemp("media")


@pytest.fixture(autouse=True)
def media_root(settings, _media_dir):
    """Uploaded and factory-made files go to a temporary folder, never into the checkout."""
    settings.MEDIA_ROOT = _media_dir
    return _media_dir


# The world ----------------------------------------------------------------------------------


@pytest.fixture
def campaign(db):
    """An open, post-moderated campaign over a box around Länsikeskus that takes anonymous input;
    its slug makes it the site's default campaign."""
    return CampaignFactory(title="Tesoma together", slug="tesoma-together")


@pytest.fixture
def theme(campaign):
    return ThemeFactory(campaign=campaign, name="Innovative routes", slug="innovative-routes")


@pytest.fixture
def contribution(theme) -> Contribution:
    """A public idea in the campaign, at Länsikeskus."""
    return ContributionFactory(campaign=theme.campaign, theme=theme, title="Skate spot")


# Personas -----------------------------------------------------------------------------------


@pytest.fixture
def resident(db):
    """A signed-up resident of Tesoma, with the participant her input is counted by."""
    user = UserFactory(username="aino", first_name="Aino")
    participant_for_user(user=user)
    return user


@pytest.fixture
def resident_participant(resident) -> Participant:
    return participant_for_user(user=resident)


@pytest.fixture
def visitor(db):
    """An anonymous participant: a browser that has not signed in."""
    return ParticipantFactory()


def _official(username: str, kind: str, **scope):
    return RoleFactory(user=UserFactory(username=username), kind=kind, **scope).user


@pytest.fixture
def moderator(campaign):
    """Moderates the Tesoma campaign; signs responses "Area coordinator, Western team"."""
    return _official("moderator-a", "moderator", campaign=campaign)


@pytest.fixture
def area_moderator(campaign):
    """Moderates every campaign of the area the Tesoma campaign is in."""
    return _official("moderator-area", "moderator", campaign=None, area=campaign.area)


@pytest.fixture
def other_moderator(db):
    """Moderates another campaign, elsewhere."""
    return _official("moderator-b", "moderator", campaign=CampaignFactory())


@pytest.fixture
def analyst(campaign):
    """Analyses the Tesoma campaign; moderates nothing."""
    return _official("analyst-a", "analyst", campaign=campaign)


@pytest.fixture
def organisation_member(db):
    """Runs the pilots of the Tesoma traders' association."""
    member = UserFactory(username="oona", first_name="Oona", email="oona@example.org")
    OrganisationFactory(
        name="Tesoman yrittäjät ry",
        kind=Organisation.Kind.ASSOCIATION,
        business_id="1572860-0",
        members=[member],
    )
    return member


@pytest.fixture
def organisation(organisation_member) -> Organisation:
    """The Tesoma traders' association, whose member is `organisation_member`."""
    return organisation_member.organisations.get()


@pytest.fixture
def toolkit_editor(db):
    """Writes and publishes method cards and stories: in the "Toolkit editors" group."""
    return ToolkitEditorFactory(username="editor", first_name="Eeva")


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", is_staff=True, is_superuser=True)


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


@pytest.fixture
def resident_client(resident) -> Client:
    return _signed_in(resident)


@pytest.fixture
def moderator_client(moderator) -> Client:
    return _signed_in(moderator)


@pytest.fixture
def analyst_client(analyst) -> Client:
    return _signed_in(analyst)


@pytest.fixture
def organisation_member_client(organisation_member) -> Client:
    return _signed_in(organisation_member)


@pytest.fixture
def toolkit_editor_client(toolkit_editor) -> Client:
    return _signed_in(toolkit_editor)


@pytest.fixture
def administrator_client(administrator) -> Client:
    return _signed_in(administrator)
