"""The kiosk on a shared screen (engagement/kiosk/, decision 0048): anonymous, keeps nothing in
the browser, follows the campaign's rules, and an activated screen has limits of its own."""

import re

import pytest
from django.conf import settings
from django.test import Client

from engagement.models import Contribution, Participant
from tests.factories import CampaignFactory, ThemeFactory

pytestmark = pytest.mark.django_db

KIOSK = "/campaigns/tesoma-together/kiosk/"


def _post(client: Client, chosen, *, path: str = KIOSK, headers=None, **extra):
    data = {
        "kind": "idea",
        "theme": chosen.slug,
        "title": "Benches by the library",
        "body": "Somewhere to sit while waiting for the bus.",
        "lat": "61.5",
        "lon": "23.63",
        "idempotency_key": extra.pop("key", ""),
        **extra,
    }
    return client.post(path, data, headers=headers or {})


def _no_cookies(response) -> None:
    assert dict(response.cookies) == {}, list(response.cookies)


def _links_out(response) -> set[str]:
    """The page's links that lead out of the kiosk (its own pages and static files aside)."""
    links = set(re.findall(r'href="([^"#]*)"', response.content.decode()))
    return {
        link
        for link in links
        if "/kiosk/" not in link and not link.startswith(("/static/", "data:"))
    }


def test_the_kiosk_sets_no_cookie_and_is_never_stored(client, theme):
    page = client.get(KIOSK)
    assert page.status_code == 200
    assert page["Cache-Control"] == "no-store"
    _no_cookies(page)
    html = page.content.decode()
    assert "csrfmiddlewaretoken" not in html
    # No way out of the kiosk: no sign-in, account or site links, the languages aside.
    assert _links_out(page) == set()
    assert "/accounts/" not in html and "serviceWorker" not in html

    sent = _post(client, theme)
    assert sent.status_code == 302 and sent["Location"] == f"{KIOSK}thanks/"
    assert sent["Cache-Control"] == "no-store"
    _no_cookies(sent)
    thanks = client.get(sent["Location"])
    assert thanks.status_code == 200 and thanks["Cache-Control"] == "no-store"
    _no_cookies(thanks)
    assert _links_out(thanks) == set()
    contribution = Contribution.objects.get()
    assert contribution.channel == Contribution.Channel.WEB  # the screen was not activated
    assert contribution.participant.token_hash and contribution.participant.user_id is None


def test_a_residents_cookies_are_not_used_at_the_kiosk(resident_client, theme):
    _post(resident_client, theme)
    contribution = Contribution.objects.get()
    assert contribution.participant.user_id is None  # the signed-in account is not the author


def test_each_contribution_has_a_fresh_participant_and_a_double_click_stores_one(client, theme):
    key = "3f1c9c52-5d1e-4a0b-9c39-2f5e8f0c1a11"
    _post(client, theme, key=key)
    _post(client, theme, key=key)
    _post(client, theme, key="6a0e0f6a-1111-4b8e-8f1b-9b0d5b0c2c22")
    assert Contribution.objects.count() == 2
    assert Participant.objects.filter(contributions__isnull=False).distinct().count() == 2


def test_a_refusal_shows_the_messages_beside_the_fields_and_keeps_the_text(client, theme):
    response = _post(client, theme, title="No", lat="", lon="", theme="")
    assert response.status_code == 400
    _no_cookies(response)
    html = response.content.decode()
    assert "Kirjoita otsikko" in html  # Finnish, the kiosk's default language
    assert 'id="error-theme"' in html and "Valitse jokin" in html
    assert "Somewhere to sit while waiting for the bus." in html
    assert Contribution.objects.count() == 0


def test_the_kiosk_answers_in_swedish_and_english(client, theme):
    assert "Skicka" in client.get(f"/sv{KIOSK}").content.decode()
    response = _post(client, theme, path=f"/en{KIOSK}", title="")
    assert "Write a title" in response.content.decode()


@pytest.mark.parametrize(
    ("traits", "words"),
    [
        ({"closed": True}, "not open"),
        ({"signed_in_only": True}, "signed-in residents"),
        ({"geometry_kinds": ["line", "polygon"]}, "routes or areas"),
    ],
)
def test_a_closed_or_signed_in_only_campaign_says_so(client, traits, words):
    campaign = CampaignFactory(slug="elsewhere", **traits)
    theme = ThemeFactory(campaign=campaign)
    page = client.get(f"/en/campaigns/{campaign.slug}/kiosk/")
    assert page.status_code == 200 and words in page.content.decode()
    assert 'id="kiosk-form"' not in page.content.decode()
    refused = _post(client, theme, path=f"/en/campaigns/{campaign.slug}/kiosk/")
    assert refused.status_code == 400 and words in refused.content.decode()
    assert Contribution.objects.count() == 0


def test_an_unknown_campaign_is_not_found(client):
    assert client.get("/campaigns/no-such/kiosk/").status_code == 404
    assert client.get("/campaigns/no-such/kiosk/thanks/").status_code == 404


def test_a_post_from_another_site_is_refused(client, theme):
    response = _post(client, theme, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403
    assert Contribution.objects.count() == 0


def test_only_the_campaigns_moderators_may_activate_a_screen(
    client, resident_client, other_moderator, theme
):
    activate = f"{KIOSK}activate/"
    assert client.get(activate).status_code == 302  # to the sign-in
    assert resident_client.get(activate).status_code == 403
    assert resident_client.post(activate, {"action": "activate"}).status_code == 403
    other = Client()
    other.force_login(other_moderator)
    assert other.post(activate, {"action": "activate"}).status_code == 403
    assert settings.KIOSK_DEVICE_COOKIE not in resident_client.cookies


def _activated(moderator) -> Client:
    screen = Client()
    screen.force_login(moderator)
    response = screen.post(f"{KIOSK}activate/", {"action": "activate"})
    assert response.status_code == 302 and response["Location"] == KIOSK
    cookie = response.cookies[settings.KIOSK_DEVICE_COOKIE]
    assert cookie["httponly"] and cookie["samesite"] == "Strict"
    assert response["Clear-Site-Data"] == '"cache", "storage"'
    assert response.cookies[settings.SESSION_COOKIE_NAME].value == ""  # signed out
    assert response.cookies[settings.CSRF_COOKIE_NAME].value == ""
    assert response.cookies[settings.PARTICIPANT_COOKIE].value == ""
    return screen


def test_an_activated_screen_has_its_own_larger_limit_and_marks_its_input(
    client, moderator, theme, settings
):
    settings.ANONYMOUS_RATE_LIMITS = {**settings.ANONYMOUS_RATE_LIMITS, "contribution": (1, 3600)}
    settings.KIOSK_RATE_LIMITS = {"contribution": (3, 3600)}
    # Without activation, the address's anonymous limit: the second is refused.
    assert _post(client, theme).status_code == 302
    refused = _post(client, theme)
    assert refused.status_code == 400 and "Odota hetki" in refused.content.decode()

    screen = _activated(moderator)
    assert "_auth_user_id" not in screen.session
    answers = [_post(screen, theme).status_code for _ in range(4)]
    assert answers == [302, 302, 302, 400]
    assert Contribution.objects.filter(channel=Contribution.Channel.KIOSK).count() == 3
    official = Client()
    official.force_login(moderator)
    queue = official.get("/en/moderation/?state=published").content.decode()
    assert queue.count("Kiosk screen") == 3
    # The screen's input counts apart from the address's: a visitor's phone there is unaffected
    # by it, and the screen by the phone.


def test_an_activation_lapses_with_the_moderators_role(moderator, theme):
    screen = _activated(moderator)
    moderator.yhdessa_roles.all().delete()
    assert _post(screen, theme).status_code == 302
    assert Contribution.objects.get().channel == Contribution.Channel.WEB


def test_a_forged_or_other_campaigns_device_cookie_is_ignored(client, moderator, theme):
    client.cookies[settings.KIOSK_DEVICE_COOKIE] = "forged"
    assert _post(client, theme).status_code == 302
    screen = _activated(moderator)
    other = CampaignFactory(slug="other-place")
    other_theme = ThemeFactory(campaign=other)
    _post(screen, other_theme, path="/campaigns/other-place/kiosk/")
    assert set(Contribution.objects.values_list("channel", flat=True)) == {"web"}


def test_kiosk_input_follows_the_campaigns_moderation(client, moderator):
    campaign = CampaignFactory(slug="pre", pre_moderated=True)
    theme = ThemeFactory(campaign=campaign)
    _post(client, theme, path="/en/campaigns/pre/kiosk/")
    assert Contribution.objects.get().moderation_state == Contribution.ModerationState.PENDING
    thanks = client.get("/en/campaigns/pre/kiosk/thanks/").content.decode()
    assert "A moderator reads it" in thanks


def test_the_idle_time_reaches_the_page(client, theme, settings):
    settings.KIOSK_IDLE_SECONDS = 7
    html = client.get(KIOSK).content.decode()
    assert '"idleSeconds": 7' in html and '"start": "/campaigns/tesoma-together/kiosk/"' in html
