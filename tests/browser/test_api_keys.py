"""An organisation's member makes an API key by keyboard, copies it from the page, and revokes
it after confirming; the pages pass axe in fi, sv and en and reflow at 320 px."""

from django.conf import settings
from django.test import Client
from playwright.sync_api import Page, expect

from engagement.models import ApiKey
from tests.browser.test_campaign_journey import serious_violations
from tests.factories import UserFactory
from toolkit.models import Organisation

NAMES = {"fi": "Avaimen nimi", "sv": "Nyckelns namn", "en": "Name of the key"}
MAKE = {"fi": "Tee avain", "sv": "Skapa nyckeln", "en": "Make the key"}
PREFIX = {"fi": "", "sv": "/sv", "en": "/en"}


def _sign_in(page: Page, live_server, user) -> None:
    client = Client()
    client.force_login(user)
    session = client.cookies[settings.SESSION_COOKIE_NAME].value
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": session, "url": live_server.url}]
    )


def _fits(page: Page) -> bool:
    return page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")


def test_a_member_makes_and_revokes_a_key_in_every_language(
    page: Page, live_server, transactional_db
):
    organisation = Organisation.objects.create(name="Tesoma Cycling Club", kind="association")
    member = UserFactory()
    organisation.members.add(member)
    _sign_in(page, live_server, member)
    page.set_viewport_size({"width": 320, "height": 800})

    for language in ("fi", "sv", "en"):
        page.goto(f"{live_server.url}{PREFIX[language]}/api-keys/")
        assert serious_violations(page) == [], language
        name = page.get_by_label(NAMES[language])
        name.fill(f"Bridge {language}")
        name.press("Enter")
        key = page.locator("#new-key-value")
        expect(key).to_be_visible()
        assert ApiKey.objects.get(name=f"Bridge {language}").prefix == key.input_value()[:8]
        assert serious_violations(page) == [], language
        assert _fits(page), language

    page.goto(f"{live_server.url}/en/api-keys/")
    page.get_by_role("link", name="Revoke the key Bridge en").press("Enter")
    assert serious_violations(page) == []
    assert _fits(page)
    page.get_by_role("button", name="Revoke the key").press("Enter")
    expect(page.locator(".messages")).to_contain_text("The key Bridge en is revoked.")
    assert ApiKey.objects.get(name="Bridge en").revoked_at is not None
    assert ApiKey.objects.filter(revoked_at=None).count() == 2
