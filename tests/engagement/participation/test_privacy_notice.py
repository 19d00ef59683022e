"""The privacy notice: written in Finnish, Swedish and English, its facts from the settings that
make them true, and linked from every page and beside the button of every form that sends
personal data (a contribution, a comment, a sign-up)."""

import re
from html.parser import HTMLParser
from urllib.parse import urljoin, urlsplit

import pytest
from django.test import Client

from tests.factories import CommentFactory, PhotoFactory
from tests.factories.toolkit import MethodCardFactory, PilotFactory, StoryFactory

pytestmark = pytest.mark.django_db

PRIVACY = {"fi": "/privacy/", "sv": "/sv/privacy/", "en": "/en/privacy/"}


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", html))


@pytest.mark.parametrize(
    ("language", "heading", "sentence"),
    [
        ("fi", "Tietosuojaseloste", "tietosuojavaltuutetun toimistolle"),
        ("sv", "Dataskyddsbeskrivning", "dataombudsmannens byrå"),
        ("en", "Privacy notice", "Office of the Data Protection Ombudsman"),
    ],
)
def test_the_notice_is_written_in_each_language(client, language, heading, sentence):
    response = client.get(PRIVACY[language])
    assert response.status_code == 200
    html = response.content.decode()
    assert f"<h1>{heading}</h1>" in html
    assert f'<html lang="{language}">' in html
    text = _text(html)
    assert sentence in text
    assert "tietosuoja.fi" in text
    # Every heading of the notice: controller, purposes and basis, data, recipients,
    # retention, rights, cookies, and what the browser keeps for use without a connection.
    assert len(re.findall(r"<h2 id=", html)) == 8
    if language != "en":  # nothing left untranslated
        words = ("The controller is", "What is collected", "Your rights", "valid for", "on a walk")
        for english in words:
            assert english not in text


def test_the_notice_states_the_configured_controller_and_retention(client, settings):
    settings.PRIVACY_CONTROLLER_NAME = "Tampereen kaupunki"
    settings.PRIVACY_CONTROLLER_CONTACT = "tietosuoja@example.fi"
    settings.PRIVACY_DPO_CONTACT = "DPO, PL 487, 33101 Tampere"
    settings.RETENTION_DAYS = 400
    text = client.get("/en/privacy/").content.decode()
    assert "The controller is Tampereen kaupunki." in text
    assert '<a href="mailto:tietosuoja@example.fi">tietosuoja@example.fi</a>' in text
    assert "DPO, PL 487, 33101 Tampere" in text
    assert "400 days after your last activity" in text
    assert "<code>yhdessa_participant</code>" in text
    assert "registry office" not in text


def test_without_configuration_the_notice_points_to_the_registry_office(client, settings):
    settings.PRIVACY_CONTROLLER_NAME = ""
    settings.PRIVACY_CONTROLLER_CONTACT = ""
    text = _text(client.get("/privacy/").content.decode())
    assert "Rekisterinpitäjä on kaupunki, joka ylläpitää tätä palvelua." in text
    assert "kaupungin kirjaamoon" in text


class _Links(HTMLParser):
    def __init__(self) -> None:
        super().__init__()
        self.hrefs: list[str] = []

    def handle_starttag(self, tag: str, attrs: list) -> None:
        if tag == "a":
            self.hrefs.extend(value for name, value in attrs if name == "href" and value)


SKIP = ("/media/", "/api/", "/open311/", "/static/", "/admin/", "/exports/", "/jsi18n/")


def _crawl(client: Client, start: list[str], limit: int = 400) -> dict[str, str]:
    """Every page reachable by links from `start` on this site, each path with at most two of
    its query strings (filters and searches render the same template): {path: html}."""
    seen: dict[str, str] = {}
    variants: dict[str, int] = {}
    queue = list(start)
    while queue and len(seen) < limit:
        path = queue.pop(0)
        if path in seen or path.startswith(SKIP) or "/accounts/logout" in path:
            continue
        bare = path.split("?")[0]
        if variants.get(bare, 0) >= 2:
            continue
        variants[bare] = variants.get(bare, 0) + 1
        response = client.get(path)
        seen[path] = ""
        if "text/html" not in response.get("Content-Type", "") or response.status_code >= 500:
            continue
        html = response.content.decode()
        seen[path] = html
        parser = _Links()
        parser.feed(html)
        for href in parser.hrefs:
            parts = urlsplit(urljoin(path, href))
            if parts.netloc in ("", "testserver") and parts.scheme in ("", "http"):
                queue.append(parts.path + (f"?{parts.query}" if parts.query else ""))
    return seen


@pytest.fixture
def site(contribution):
    PhotoFactory(contribution=contribution)
    CommentFactory(contribution=contribution)
    PilotFactory(campaign=contribution.campaign, approved=True)
    MethodCardFactory()
    StoryFactory()


@pytest.mark.parametrize("who", ["visitor", "moderator"])
def test_every_page_links_to_the_notice_in_its_language(site, who, moderator_client):
    client = Client() if who == "visitor" else moderator_client
    pages = _crawl(client, ["/", "/sv/", "/en/", "/missing-page/", "/en/accounts/signup/"])
    html_pages = {path: html for path, html in pages.items() if "<footer" in html}
    assert len(html_pages) > 40  # the crawl really went round the site
    missing = []
    for path, html in html_pages.items():
        language = re.search(r'<html lang="(\w+)"', html).group(1)
        footer = html[html.index("<footer") :]
        if f'href="{PRIVACY[language]}"' not in footer:
            missing.append(path)
    assert missing == []


def _forms(html: str) -> list[str]:
    return re.findall(r"<form\b.*?</form>", html, re.S)


def test_the_forms_that_send_personal_data_link_to_it_beside_their_button(client, contribution):
    campaign_page = client.get(f"/en/campaigns/{contribution.campaign.slug}/").content.decode()
    contribution_page = client.get(f"/en/contributions/{contribution.pk}/").content.decode()
    signup_page = client.get("/en/accounts/signup/").content.decode()
    link = '<a href="/en/privacy/">privacy notice</a>'
    for page, marker in (
        (campaign_page, 'id="submit-contribution"'),
        (contribution_page, "Send comment"),
        (signup_page, 'type="submit"'),
    ):
        form = next(f for f in _forms(page) if marker in f and "csrfmiddlewaretoken" in f)
        after_button = form[form.index("</button>") :]
        assert link in after_button, form[-800:]
