"""Officials sign in through a real OpenID Connect provider (the stand-in, panva's
oidc-provider, on loopback) and get the roles of their groups; residents cannot sign up there;
the sign-in page with the staff button passes axe and the CSP in every language."""

import re

import pytest
from allauth.socialaccount.models import SocialAccount
from django.contrib.auth.models import User
from playwright.sync_api import Page, expect

from engagement.models import Role
from engagement.rules import analysed_campaigns
from tests.browser.test_campaign_journey import serious_violations
from tests.factories.engagement import CampaignFactory
from tests.factories.geo import AreaFactory
from tests.oidc_standin import ANALYSTS, MODERATORS, PASSWORD, OidcStandin, oidc_settings

STAFF_BUTTON = re.compile("Tampereen kaupunki")


@pytest.fixture(scope="session")
def oidc_standin(live_server):
    """The provider, started once, with the live server's callback as its client's redirect."""
    callback = "/accounts/oidc/staff/login/callback/"
    port = live_server.url.rsplit(":", 1)[1]
    standin = OidcStandin(
        [f"http://{host}:{port}{callback}" for host in ("localhost", "127.0.0.1")]
    )
    standin.start()
    yield standin
    standin.stop()


@pytest.fixture
def oidc_configured(settings, oidc_standin):
    oidc_settings(settings, oidc_standin)
    oidc_standin.reset()
    return oidc_standin


@pytest.fixture
def tesoma(transactional_db):
    """The area and campaign the stand-in's role map names (the demo's slugs), without the
    whole demo."""
    area = AreaFactory(slug="tesoma")
    return CampaignFactory(slug="tesoma-together", area=area)


def staff_sign_in(page: Page, live_server, standin, login: str, language: str = "fi") -> None:
    """The staff button on the sign-in page, the provider's own form, and back."""
    prefix = "" if language == "fi" else f"/{language}"
    page.goto(f"{live_server.url}{prefix}/accounts/login/")
    page.get_by_role("button", name=STAFF_BUTTON).click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(standin.issuer)}/interaction/"))
    page.get_by_label("Username").fill(login)
    page.get_by_label("Password").fill(PASSWORD)
    page.get_by_role("button", name="Sign in").click()
    expect(page).to_have_url(re.compile(rf"^{re.escape(live_server.url)}/"))


def test_an_official_signs_in_with_the_city_account_and_gets_the_groups_roles(
    page: Page, live_server, tesoma, oidc_configured
):
    staff_sign_in(page, live_server, oidc_configured, "virkailija")
    user = User.objects.get(email="veera.virkailija@tampere.example")
    assert SocialAccount.objects.filter(user=user, provider="staff").count() == 1
    moderator = Role.objects.get(user=user, identity_provider_group=MODERATORS)
    assert (moderator.kind, moderator.area.slug, moderator.campaign) == (
        "moderator",
        "tesoma",
        None,
    )
    assert moderator.signature == "Aluekoordinaattori, Tampereen kaupunki"
    analyst = Role.objects.get(user=user, identity_provider_group=ANALYSTS)
    assert (analyst.kind, analyst.campaign.slug, analyst.area) == (
        "analyst",
        "tesoma-together",
        None,
    )
    response = page.goto(f"{live_server.url}/moderation/")
    assert response.status == 200
    expect(page.locator("#queue")).to_be_visible()

    # The city moves her out of the moderators' group; a role given by hand stays.
    manual = Role.objects.create(
        user=user, kind="analyst", area=moderator.area, title="Kehittäjä", unit="Tesoman tiimi"
    )
    oidc_configured.set_account("virkailija", groups=[ANALYSTS])
    page.context.clear_cookies()
    staff_sign_in(page, live_server, oidc_configured, "virkailija")
    assert not Role.objects.filter(pk=moderator.pk).exists()
    assert set(Role.objects.filter(user=user).values_list("pk", flat=True)) == {
        analyst.pk,
        manual.pk,
    }
    assert page.goto(f"{live_server.url}/moderation/").status == 403
    assert list(analysed_campaigns(user)) == [tesoma]
    assert User.objects.filter(email="veera.virkailija@tampere.example").count() == 1


def test_residents_and_unverified_addresses_are_refused_in_their_language(
    page: Page, live_server, tesoma, oidc_configured
):
    users = User.objects.count()
    # Someone the provider knows but whose groups give no role: no account here.
    staff_sign_in(page, live_server, oidc_configured, "asukas", language="sv")
    expect(page).to_have_url(f"{live_server.url}/sv/accounts/login/")
    expect(page.locator(".messages")).to_contain_text("ingen roll i Yhdessä")
    assert User.objects.count() == users

    # A local account with the same address, which the provider has not verified: not joined.
    resident = User.objects.create_user("resident", "resident@example.org", "a-password-1")
    page.context.clear_cookies()
    staff_sign_in(page, live_server, oidc_configured, "vahvistamaton", language="en")
    expect(page).to_have_url(f"{live_server.url}/en/accounts/login/")
    expect(page.locator(".messages")).to_contain_text("cannot be joined")
    assert not SocialAccount.objects.filter(user=resident).exists()
    assert not Role.objects.filter(user=resident).exists()
    resident.refresh_from_db()
    assert resident.check_password("a-password-1")

    # The same with a verified address: joined, with the group's role.
    official = User.objects.create_user("official", "official.with.password@example.org", "pw-1")
    page.context.clear_cookies()
    staff_sign_in(page, live_server, oidc_configured, "vahvistettu")
    assert SocialAccount.objects.filter(user=official, provider="staff").exists()
    assert Role.objects.get(user=official).kind == "analyst"
    assert list(analysed_campaigns(official)) == [tesoma]


def test_the_sign_in_page_with_the_staff_button_passes_axe_in_every_language(
    page: Page, live_server, transactional_db, oidc_configured
):
    """The page fixture fails the test on any CSP violation (no unsafe-inline anywhere)."""
    names = {
        "fi": "Kaupungin henkilöstö: kirjaudu tunnuksella Tampereen kaupunki",
        "sv": "Stadens personal: logga in med Tampereen kaupunki",
        "en": "City staff: sign in with Tampereen kaupunki",
    }
    for language, name in names.items():
        prefix = "" if language == "fi" else f"/{language}"
        page.set_viewport_size({"width": 1366, "height": 900})
        page.goto(f"{live_server.url}{prefix}/accounts/login/")
        expect(page.get_by_role("button", name=name, exact=True)).to_be_visible()
        expect(page.get_by_role("heading", level=2)).to_have_count(1)
        assert serious_violations(page) == [], language
        page.set_viewport_size({"width": 320, "height": 800})
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, language
    # Residents do not sign up through the city's provider.
    page.goto(f"{live_server.url}/en/accounts/signup/")
    expect(page.get_by_role("button", name=STAFF_BUTTON)).to_have_count(0)
