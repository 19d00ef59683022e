"""The identity provider's groups become roles, exactly: added, removed, never a manual one;
the map is checked at start-up; a verified address is only the provider's real `true`."""

import json

import pytest
from django.core.exceptions import ImproperlyConfigured

from config.csp import policy_directives
from config.settings.oidc import role_map_read, socialaccount_providers
from engagement.models import Role
from engagement.staff.adapter import email_verified
from engagement.staff.roles import claims_of, grants_for_groups, groups_from_claims, roles_sync
from tests.factories.accounts import UserFactory
from tests.factories.engagement import CampaignFactory
from tests.factories.geo import AreaFactory

ROLE_MAP = {
    "/yhdessa/moderaattorit": [
        {"kind": "moderator", "area": "tesoma", "title": "Aluekoordinaattori"},
        {"kind": "analyst", "campaign": "tesoma-together"},
    ],
    "Yhdessa.Analyytikko": {"kind": "analyst", "area": "tesoma", "unit": "Tilastot"},
    "vanha-ryhma": {"kind": "moderator", "area": "lakkautettu"},
}


def test_the_role_map_is_read_and_its_mistakes_stop_the_start():
    roles = role_map_read(json.dumps(ROLE_MAP))
    assert [entry["kind"] for entry in roles["/yhdessa/moderaattorit"]] == ["moderator", "analyst"]
    assert roles["Yhdessa.Analyytikko"] == [
        {"kind": "analyst", "area": "tesoma", "unit": "Tilastot"}
    ]
    assert role_map_read("") == {}
    for bad in [
        "[1]",
        "{not json",
        '{"g": {"kind": "admin", "area": "tesoma"}}',
        '{"g": {"kind": "moderator"}}',
        '{"g": {"kind": "moderator", "area": "a", "campaign": "c"}}',
        '{"g": {"kind": "moderator", "area": "a", "colour": "red"}}',
        '{"g": {"kind": "moderator", "area": ""}}',
        '{"g": "moderator"}',
    ]:
        with pytest.raises(ImproperlyConfigured):
            role_map_read(bad)


def test_the_provider_settings_exist_only_when_a_server_is_named():
    assert (
        socialaccount_providers(server_url="", client_id="", secret="", name="x", scopes=[]) == {}
    )
    with pytest.raises(ImproperlyConfigured, match="OIDC_CLIENT_ID"):
        socialaccount_providers(
            server_url="https://idp", client_id="", secret="", name="x", scopes=[]
        )
    providers = socialaccount_providers(
        server_url="https://login.microsoftonline.com/tenant/v2.0",
        client_id="abc",
        secret="s",
        name="Tampereen kaupunki",
        scopes=["openid", "email"],
    )
    app = providers["openid_connect"]["APPS"][0]
    assert (app["provider_id"], app["name"], app["settings"]["oauth_pkce_enabled"]) == (
        "staff",
        "Tampereen kaupunki",
        True,
    )
    # The staff button's form leads to the provider: form-action names its origin, nothing more.
    directives = policy_directives(tile_urls=[], form_action_urls=(app["settings"]["server_url"],))
    assert directives["form-action"] == ["'self'", "https://login.microsoftonline.com"]


def test_groups_are_read_from_the_claim_path_the_city_names():
    claims = claims_of(
        {
            "id_token": {"sub": "1", "groups": ["a", 7, "b"], "realm_access": {"roles": ["r"]}},
            "userinfo": {"sub": "1", "email": "x@example.org"},
        }
    )
    assert groups_from_claims(claims, "groups") == ["a", "b"]
    assert groups_from_claims(claims, "realm_access.roles") == ["r"]
    assert groups_from_claims({"roles": "Yhdessa.Analyytikko"}, "roles") == ["Yhdessa.Analyytikko"]
    assert groups_from_claims(claims, "roles") == []
    assert groups_from_claims({"groups": {"a": 1}}, "groups") == []


@pytest.mark.parametrize(
    ("value", "verified"),
    [
        (True, True),
        ("true", True),
        ("TRUE", True),
        (False, False),
        ("false", False),
        (None, False),
        (1, False),
    ],
)
def test_only_a_real_true_verifies_an_address(value, verified):
    assert email_verified({"email_verified": value}) is verified


@pytest.mark.django_db
def test_each_sign_in_makes_the_providers_roles_exactly_those_of_the_groups(settings):
    settings.OIDC_ROLE_MAP = role_map_read(json.dumps(ROLE_MAP))
    settings.OIDC_PROVIDER_NAME = "Tampereen kaupunki"
    tesoma = AreaFactory(slug="tesoma")
    campaign = CampaignFactory(slug="tesoma-together", area=tesoma)
    user = UserFactory()
    elsewhere = CampaignFactory()
    manual = Role.objects.create(
        user=user, kind="moderator", campaign=elsewhere, title="Vastaava", unit="Käsin annettu"
    )

    # A group naming a missing area gives nothing (and does not fail); unknown groups neither.
    grants = grants_for_groups(["/yhdessa/moderaattorit", "vanha-ryhma", "muu"])
    assert [(g.kind, g.area_id, g.campaign_id) for g in grants] == [
        ("moderator", tesoma.pk, None),
        ("analyst", None, campaign.pk),
    ]
    assert (grants[0].title, grants[0].unit) == ("Aluekoordinaattori", "Tampereen kaupunki")
    # The kind's name in the site's language (Finnish) when the map gives no title.
    assert grants[1].title == "Analyytikko"
    result = roles_sync(user, grants)
    assert (result.added, result.removed) == (2, 0)
    assert roles_sync(user, grants).added == 0  # the same groups again change nothing

    # Moved from the moderators to the analysts: one role goes, one comes, the manual one stays.
    result = roles_sync(user, grants_for_groups(["Yhdessa.Analyytikko"]))
    assert (result.added, result.removed) == (1, 2)
    provider_roles = Role.objects.filter(user=user).exclude(identity_provider_group="")
    assert list(
        provider_roles.values_list("kind", "area__slug", "unit", "identity_provider_group")
    ) == [("analyst", "tesoma", "Tilastot", "Yhdessa.Analyytikko")]
    assert Role.objects.filter(pk=manual.pk, identity_provider_group="").exists()

    # A role given by hand for the same kind and scope: the provider adds no second one.
    Role.objects.create(user=user, kind="moderator", area=tesoma, title="Käsin", unit="Tesoma")
    roles_sync(user, grants_for_groups(["/yhdessa/moderaattorit"]))
    assert Role.objects.filter(user=user, kind="moderator", area=tesoma).count() == 1

    # No group left: every provider role goes, the manual ones stay.
    roles_sync(user, [])
    assert set(
        Role.objects.filter(user=user).values_list("identity_provider_group", flat=True)
    ) == {""}
    assert Role.objects.filter(user=user).count() == 2
