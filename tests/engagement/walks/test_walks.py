"""Walk sessions: codes, who may run them, pins joining them through both doors, and the
facilitator's pages (decision 0047)."""

import json
from datetime import timedelta

import pytest
from django.core.exceptions import PermissionDenied, ValidationError
from django.test import Client
from django.utils import timezone

from engagement.models import Contribution, WalkSession
from engagement.models.walks import WALK_CODE_ALPHABET
from engagement.moderation import services as moderation
from engagement.rules import can_facilitate
from engagement.walks import services
from engagement.walks.selectors import walk_code_normalise, walk_session_for_code
from tests.factories import (
    AreaFactory,
    CampaignFactory,
    ContributionFactory,
    RoleFactory,
    UserFactory,
    WalkSessionFactory,
)

pytestmark = pytest.mark.django_db
API = "/api/v1/contributions/"


@pytest.fixture
def facilitator(campaign):
    return RoleFactory(
        user=UserFactory(username="facilitator"), kind="facilitator", campaign=campaign
    ).user


@pytest.fixture
def walk(campaign, facilitator):
    return services.walk_session_start(
        actor=facilitator, campaign=campaign, title="Tesoma station walk"
    )


def _signed_in(user) -> Client:
    client = Client()
    client.force_login(user)
    return client


def _payload(theme, **overrides) -> dict:
    return {
        "campaign": theme.campaign.slug,
        "kind": "idea",
        "theme": theme.slug,
        "title": "Benches by the station",
        "body": "Somewhere to wait for the train.",
        "geometry": {"type": "Point", "coordinates": [23.631, 61.501]},
        **overrides,
    }


def _post(client, payload):
    return client.post(API, data=json.dumps(payload), content_type="application/json")


# Services and rules -------------------------------------------------------------------------


def test_a_facilitator_starts_a_walk_with_a_short_unambiguous_code(walk, facilitator):
    assert len(walk.code) == 6
    assert set(walk.code) <= set(WALK_CODE_ALPHABET)
    assert not set(walk.code) & set("01OIL")
    assert walk.started_by == facilitator and walk.is_active and walk.accepts_pins()


def test_codes_differ_and_a_taken_code_is_drawn_again(campaign, facilitator, monkeypatch):
    first = services.walk_session_start(actor=facilitator, campaign=campaign, title="One walk")
    draws = iter([first.code, "ABCDEF"])
    monkeypatch.setattr(services, "walk_code_new", lambda: next(draws))
    second = services.walk_session_start(actor=facilitator, campaign=campaign, title="Two walk")
    assert second.code == "ABCDEF"
    assert WalkSession.objects.count() == 2


def test_the_title_is_required(campaign, facilitator):
    with pytest.raises(ValidationError) as refusal:
        services.walk_session_start(actor=facilitator, campaign=campaign, title="  x ")
    assert "title" in refusal.value.message_dict


@pytest.mark.parametrize(
    "kind, scope, allowed",
    [
        ("facilitator", "campaign", True),
        ("facilitator", "area", True),
        ("moderator", "campaign", True),
        ("moderator", "area", True),
        ("analyst", "campaign", False),
        ("facilitator", "other campaign", False),
    ],
)
def test_who_may_facilitate(campaign, kind, scope, allowed):
    user = UserFactory(username="official")
    if scope == "campaign":
        RoleFactory(user=user, kind=kind, campaign=campaign)
    elif scope == "area":
        parent = AreaFactory(slug="tampere-x")
        campaign.area.parent = parent
        campaign.area.save()
        RoleFactory(user=user, kind=kind, campaign=None, area=parent)
    else:
        RoleFactory(user=user, kind=kind, campaign=CampaignFactory(slug="elsewhere"))
    assert can_facilitate(user, campaign) is allowed


def test_a_resident_may_not_start_or_end_a_walk(campaign, resident, walk):
    with pytest.raises(PermissionDenied):
        services.walk_session_start(actor=resident, campaign=campaign, title="My walk")
    with pytest.raises(PermissionDenied):
        services.walk_session_end(actor=resident, session=walk)


def test_ending_twice_keeps_the_first_end(walk, facilitator):
    ended = services.walk_session_end(actor=facilitator, session=walk)
    again = services.walk_session_end(actor=facilitator, session=walk)
    assert again.ended_at == ended.ended_at is not None


def test_codes_are_trimmed_and_case_insensitive():
    assert walk_code_normalise("  k7qx 4m ") == "K7QX4M"
    assert walk_code_normalise("k7q-x4m") == "K7QX4M"


def test_the_grace_period_after_the_end(campaign, settings):
    settings.WALK_SESSION_GRACE_HOURS = 24
    recent = WalkSessionFactory(campaign=campaign, ended_at=timezone.now() - timedelta(hours=23))
    old = WalkSessionFactory(campaign=campaign, ended_at=timezone.now() - timedelta(hours=25))
    assert walk_session_for_code(campaign=campaign, code=recent.code) == (recent, "")
    session, refusal = walk_session_for_code(campaign=campaign, code=old.code)
    assert session is None and "päättynyt" in refusal


# The API and the HTML form ------------------------------------------------------------------


def test_the_api_takes_a_walk_code_in_any_case(client, theme, walk):
    response = _post(client, _payload(theme, walk_code=f"  {walk.code.lower()} "))
    assert response.status_code == 201, response.content
    assert Contribution.objects.get(pk=response.json()["id"]).walk_session == walk
    # The public answer does not tell the walk.
    assert walk.code not in response.content.decode()


def test_a_walks_group_on_one_address_counts_per_walk_not_per_address(theme, walk, settings):
    """Phones on one Wi-Fi (or sending what they kept offline as the walk ends): the address's
    limit does not stop the group; each phone keeps its own limit, and the walk one in all."""
    settings.ANONYMOUS_RATE_LIMITS = {**settings.ANONYMOUS_RATE_LIMITS, "contribution": (2, 3600)}
    settings.WALK_RATE_LIMITS = {"contribution": (5, 3600)}
    phones = [Client(REMOTE_ADDR="10.0.0.7") for _ in range(3)]
    with_code = _payload(theme, walk_code=walk.code)
    answers = [_post(phone, with_code).status_code for phone in phones for _ in range(2)]
    assert answers == [201, 201, 201, 201, 201, 429]  # the walk's 5, then its limit
    assert _post(phones[0], with_code).status_code == 429  # the phone's own 2 are used too
    # Without the code, the same address is limited as before.
    alone = Client(REMOTE_ADDR="10.0.0.8")
    assert [_post(alone, _payload(theme)).status_code for _ in range(3)] == [201, 201, 429]
    assert Contribution.objects.filter(walk_session=walk).count() == 5


@pytest.mark.parametrize("which", ["unknown", "other campaign", "ended long ago", "nonsense"])
def test_the_api_refuses_a_wrong_walk_code_on_its_field(client, theme, walk, which, settings):
    code = {
        "unknown": "ZZZZZZ",
        "other campaign": lambda: WalkSessionFactory(campaign=CampaignFactory(slug="x")).code,
        "ended long ago": lambda: (
            WalkSessionFactory(
                campaign=theme.campaign, ended_at=timezone.now() - timedelta(days=2)
            ).code
        ),
        "nonsense": "ä<>" + "x" * 100,
    }[which]
    code = code() if callable(code) else code
    response = client.post(
        API,
        data=json.dumps(_payload(theme, walk_code=code)),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="fi",
    )
    assert response.status_code == 400, response.content
    errors = response.json()
    assert list(errors) == ["walk_code"], errors
    assert not Contribution.objects.exists()


def test_the_refusal_is_translated(client, theme):
    response = client.post(
        API,
        data=json.dumps(_payload(theme, walk_code="ZZZZZZ")),
        content_type="application/json",
        HTTP_ACCEPT_LANGUAGE="sv",
    )
    (message,) = response.json()["walk_code"]
    assert "There is no walk" not in message


def test_a_pin_sent_in_the_grace_period_joins_the_ended_walk(client, theme, walk, facilitator):
    services.walk_session_end(actor=facilitator, session=walk)
    response = _post(client, _payload(theme, walk_code=walk.code))
    assert response.status_code == 201
    assert walk.contributions.count() == 1


def test_the_form_without_javascript_takes_the_code_and_returns_to_the_walk(client, theme, walk):
    page = client.get(f"{theme.campaign.get_absolute_url()}?walk={walk.code.lower()}")
    html = page.content.decode()
    assert "Tesoma station walk" in html and f'value="{walk.code.lower()}"' in html
    response = client.post(
        theme.campaign.get_absolute_url(),
        {
            "kind": "idea",
            "theme": theme.slug,
            "title": "Benches by the station",
            "body": "Somewhere to wait.",
            "lat": "61.5005",
            "lon": "23.6301",
            "walk_code": walk.code.lower(),
        },
    )
    assert response.status_code == 302
    assert response["Location"].endswith(f"?walk={walk.code}#form-heading")
    assert walk.contributions.count() == 1


def test_the_form_keeps_a_refused_code_beside_its_field(client, theme):
    response = client.post(
        theme.campaign.get_absolute_url(),
        {"kind": "idea", "theme": theme.slug, "title": "Benches", "body": "x", "walk_code": "QQ9"},
    )
    assert response.status_code == 400
    html = response.content.decode()
    assert 'value="QQ9"' in html and 'id="error-walk_code"' in html
    assert "Tässä kampanjassa ei ole kävelyä tällä koodilla" in html


# The facilitator's pages --------------------------------------------------------------------


def _urls(walk) -> list[str]:
    base = f"/campaigns/{walk.campaign.slug}/walks/"
    return [base, f"{base}{walk.code}/", f"{base}{walk.code}/pins.csv"]


def test_anonymous_visitors_are_sent_to_sign_in(client, walk):
    for url in _urls(walk):
        response = client.get(url)
        assert response.status_code == 302 and "/accounts/login/" in response["Location"], url
    assert client.post(f"{_urls(walk)[1]}end/").status_code == 302
    walk.refresh_from_db()
    assert walk.is_active


def test_residents_and_analysts_are_refused(resident, analyst, walk):
    for user in (resident, analyst):
        client = _signed_in(user)
        for url in _urls(walk):
            assert client.get(url).status_code == 403, url
        assert client.post(f"{_urls(walk)[1]}end/").status_code == 403
        assert client.post(_urls(walk)[0], {"title": "Sneaky walk"}).status_code == 403
    walk.refresh_from_db()
    assert walk.is_active and WalkSession.objects.count() == 1


def test_another_campaigns_walk_is_not_found(facilitator, walk):
    other = WalkSessionFactory(campaign=CampaignFactory(slug="elsewhere"))
    client = _signed_in(facilitator)
    assert client.get(f"/campaigns/{walk.campaign.slug}/walks/{other.code}/").status_code == 404
    assert client.get("/campaigns/no-such-campaign/walks/").status_code == 404


def test_the_facilitator_starts_lists_and_ends_a_walk(facilitator, campaign):
    client = _signed_in(facilitator)
    assert client.post(f"/campaigns/{campaign.slug}/walks/", {"title": ""}).status_code == 400
    response = client.post(f"/campaigns/{campaign.slug}/walks/", {"title": "Station walk"})
    walk = WalkSession.objects.get()
    assert response["Location"] == walk.get_absolute_url()
    assert "Station walk" in client.get(f"/campaigns/{campaign.slug}/walks/").content.decode()
    page = client.get(walk.get_absolute_url()).content.decode()
    assert walk.code in page and f"?walk={walk.code}" in page and "<svg" in page
    assert client.post(f"{walk.get_absolute_url()}end/").status_code == 302
    walk.refresh_from_db()
    assert not walk.is_active


def test_the_walk_page_lists_its_pins_but_nothing_hidden_and_no_author(
    facilitator, theme, walk, moderator
):
    author = UserFactory(username="author", first_name="Ilmarinen", email="i@example.org")
    public = ContributionFactory(
        campaign=theme.campaign, theme=theme, title="Public bench", walk_session=walk
    )
    public.participant.user = author
    public.participant.save()
    ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        title="Pending swing",
        walk_session=walk,
        moderation_state=Contribution.ModerationState.PENDING,
    )
    hidden = ContributionFactory(
        campaign=theme.campaign, theme=theme, title="Hidden rant", walk_session=walk
    )
    moderation.contribution_moderate(
        actor=moderator, contribution=hidden, action="hide", reason="spam"
    )
    ContributionFactory(
        campaign=theme.campaign,
        theme=theme,
        title="Withdrawn idea",
        walk_session=walk,
        moderation_state=Contribution.ModerationState.WITHDRAWN,
    )
    ContributionFactory(campaign=theme.campaign, theme=theme, title="Not in the walk")
    client = _signed_in(facilitator)
    page = client.get(walk.get_absolute_url()).content.decode()
    csv = b"".join(client.get(f"{walk.get_absolute_url()}pins.csv").streaming_content).decode()
    for text in (page, csv):
        assert "Public bench" in text and "Pending swing" in text
        for absent in ("Hidden rant", "Withdrawn idea", "Not in the walk", "Ilmarinen"):
            assert absent not in text, absent
    assert "Odottaa moderointia" in page
    assert "i@example.org" not in page + csv


def test_the_campaign_page_links_the_walks_for_facilitators_only(client, facilitator, campaign):
    link = f'href="/campaigns/{campaign.slug}/walks/"'
    assert link not in client.get(campaign.get_absolute_url()).content.decode()
    page = _signed_in(facilitator).get(campaign.get_absolute_url()).content.decode()
    assert link in page


def test_an_unknown_code_in_the_link_shows_no_walk_but_keeps_the_code(client, campaign):
    page = client.get(f"{campaign.get_absolute_url()}?walk=NOPE99").content.decode()
    assert 'id="walk-notice"' not in page and 'value="NOPE99"' in page


def test_the_join_link_and_its_qr_code_use_the_public_address(walk, facilitator, settings):
    settings.SITE_URL = "https://yhdessa.tampere.fi"
    html = _signed_in(facilitator).get(walk.get_absolute_url()).content.decode()
    join = f"https://yhdessa.tampere.fi{walk.campaign.get_absolute_url()}?walk={walk.code}"
    assert join in html and "http://testserver" not in html


def test_the_moderator_sees_which_walk_a_pin_came_from(walk, theme):
    moderator = RoleFactory(moderator=True, campaign=walk.campaign).user
    pin = ContributionFactory(campaign=walk.campaign, theme=theme, walk_session=walk)
    html = _signed_in(moderator).get(f"/en/moderation/contributions/{pin.pk}/").content.decode()
    assert f'<a href="{walk.get_absolute_url()}">Walk “Tesoma station walk”</a>' in html
    alone = ContributionFactory(campaign=walk.campaign, theme=theme)
    html = _signed_in(moderator).get(f"/en/moderation/contributions/{alone.pk}/").content.decode()
    assert "Walk “" not in html
