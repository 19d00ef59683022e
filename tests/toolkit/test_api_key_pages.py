"""An organisation's members make, see and revoke its API keys on the site (decision 0044); a
revoked key is refused by Open311 at once with the specification's 403 error list."""

import re

import pytest

from engagement.models import ApiKey, ModerationAction
from tests.engagement.interop.test_open311 import assert_errors
from tests.factories import UserFactory
from toolkit.models import Organisation, OrganisationApiKey

pytestmark = pytest.mark.django_db

PAGE = "/en/api-keys/"


@pytest.fixture
def organisation(db):
    return Organisation.objects.create(name="Tesoma Cycling Club", kind="association")


@pytest.fixture
def member(organisation):
    user = UserFactory()
    organisation.members.add(user)
    return user


def make_key(client, organisation, name="Ticket bridge"):
    response = client.post(PAGE, {"organisation": organisation.pk, "name": name})
    assert response.status_code == 201
    assert response["Cache-Control"] == "no-store"
    key = re.search(r'id="new-key-value"[^>]*value="([^"]+)"', response.content.decode()).group(1)
    return key, OrganisationApiKey.objects.get(api_key__name=name)


def open311_post(client, theme, key, fmt="json"):
    return client.post(
        f"/open311/v2/requests.{fmt}",
        {
            "api_key": key,
            "service_code": f"{theme.campaign.slug}.{theme.slug}",
            "lat": "61.501",
            "long": "23.631",
            "description": "Dark path to school\nThe lamps by the forest path are out.",
        },
    )


@pytest.mark.parametrize("fmt", ["json", "xml"])
def test_a_member_makes_a_key_that_works_and_revokes_it_and_it_is_refused_at_once(
    client, theme, organisation, member, fmt
):
    client.force_login(member)

    key, link = make_key(client, organisation)
    stored = link.api_key
    assert stored.organisation == organisation.name and link.created_by == member
    assert key not in stored.key_hash and stored.prefix == key[:8]
    assert open311_post(client, theme, key, fmt).status_code == 201
    page = client.get(PAGE).content.decode()
    assert key not in page and "Ticket bridge" in page and "Never" not in page

    confirm = client.get(f"/en/api-keys/{link.pk}/revoke/")
    assert confirm.status_code == 200 and b'method="post"' in confirm.content
    assert ApiKey.objects.get(pk=stored.pk).revoked_at is None
    revoked = client.post(f"/en/api-keys/{link.pk}/revoke/")

    assert revoked.status_code == 302
    assert ApiKey.objects.get(pk=stored.pk).revoked_at is not None
    assert "api_key" in " ".join(assert_errors(open311_post(client, theme, key, fmt), fmt, 403))
    actions = list(ModerationAction.objects.values_list("action", flat=True).order_by("id"))
    assert actions[-2:] == [
        ModerationAction.Action.API_KEY_CREATE,
        ModerationAction.Action.API_KEY_REVOKE,
    ]


def test_a_key_without_a_name_is_refused_and_the_form_keeps_the_choice(
    client, organisation, member
):
    client.force_login(member)

    response = client.post(PAGE, {"organisation": organisation.pk, "name": "   "})

    assert response.status_code == 400
    assert b"Give the key a name" in response.content
    assert not ApiKey.objects.exists()


def test_anonymous_visitors_are_sent_to_sign_in(client):
    assert client.get(PAGE).status_code == 302


def test_someone_outside_any_organisation_is_refused(client, organisation):
    client.force_login(UserFactory())

    assert client.get(PAGE).status_code == 403
    assert client.post(PAGE, {"organisation": organisation.pk, "name": "x"}).status_code == 403
    assert not ApiKey.objects.exists()


def test_a_member_of_another_organisation_can_neither_make_nor_see_nor_revoke_its_keys(
    client, organisation, member
):
    client.force_login(member)
    _key, link = make_key(client, organisation)
    other_org = Organisation.objects.create(name="Other", kind="business")
    outsider = UserFactory()
    other_org.members.add(outsider)
    client.force_login(outsider)

    made = client.post(PAGE, {"organisation": organisation.pk, "name": "Sneaky"})
    listed = client.get(PAGE)
    asked = client.get(f"/en/api-keys/{link.pk}/revoke/")
    revoked = client.post(f"/en/api-keys/{link.pk}/revoke/")

    assert made.status_code == 400 and not ApiKey.objects.filter(name="Sneaky").exists()
    assert b"Ticket bridge" not in listed.content
    assert asked.status_code == revoked.status_code == 404
    assert ApiKey.objects.get(pk=link.api_key_id).revoked_at is None


def test_the_last_use_is_shown(client, theme, organisation, member):
    client.force_login(member)
    key, link = make_key(client, organisation)

    assert b"Never" in client.get(PAGE).content
    open311_post(client, theme, key)

    assert ApiKey.objects.get(pk=link.api_key_id).last_used_at is not None
    assert b"Never" not in client.get(PAGE).content
