"""Writes a browser's cookies may carry come from this site's pages only: the API refuses a
cross-origin write with the anonymous participant cookie (or none) as it does one with the
session; API keys are not cookies. The HTML forms are CSRF-protected for anonymous visitors too."""

import json

import pytest
from django.test import Client

from engagement.models import Comment, Contribution, Flag, Support
from engagement.participation.services import participant_for_token
from tests.factories import ApiKeyFactory

pytestmark = pytest.mark.django_db
API = "/api/v1/contributions/"
OWN = "http://testserver"
EVIL = "https://evil.example"


def contribution_payload(theme) -> str:
    return json.dumps(
        {
            "campaign": theme.campaign.slug,
            "kind": "need",
            "theme": theme.slug,
            "title": "Lights on the forest path",
            "body": "The path to the school is dark in winter.",
            "geometry": {"type": "Point", "coordinates": [23.631, 61.501]},
        }
    )


def anonymous_browser() -> Client:
    """A browser that has written before: it carries the participant cookie."""
    browser = Client()
    browser.cookies["yhdessa_participant"] = "a-token-of-this-browser"
    participant_for_token(token="a-token-of-this-browser", create=True)
    return browser


def post(client, url, body="{}", **headers):
    return client.post(
        url,
        data=body,
        content_type="application/json",
        headers={"accept-language": "en", **headers},
    )


def test_a_cross_origin_anonymous_write_is_refused(theme, contribution):
    browser = anonymous_browser()
    refused = [
        post(browser, API, contribution_payload(theme), origin=EVIL),
        post(browser, f"{API}{contribution.pk}/support/", origin=EVIL),
        post(browser, f"{API}{contribution.pk}/flags/", '{"reason": "spam"}', origin=EVIL),
        post(browser, f"{API}{contribution.pk}/comments/", '{"body": "Hi"}', origin=EVIL),
        browser.delete(f"{API}{contribution.pk}/support/", headers={"origin": EVIL}),
    ]
    assert [r.status_code for r in refused] == [403] * 5
    assert "came from another website" in refused[0].json()["detail"]
    assert Contribution.objects.count() == 1  # the fixture's only
    assert not Support.objects.exists()
    assert not Flag.objects.exists()
    assert not Comment.objects.exists()


def test_a_cookieless_cross_origin_write_is_refused_too(contribution):
    """Another site's page cannot make its visitors' browsers support through their addresses."""
    response = post(Client(), f"{API}{contribution.pk}/support/", origin=EVIL)
    assert response.status_code == 403
    assert not Support.objects.exists()


def test_the_refusal_is_translated(contribution):
    response = post(
        Client(), f"{API}{contribution.pk}/support/", origin=EVIL, **{"accept-language": "fi"}
    )
    assert response.status_code == 403
    assert "toiselta sivustolta" in response.json()["detail"]


def test_a_same_origin_write_is_accepted(theme):
    response = post(anonymous_browser(), API, contribution_payload(theme), origin=OWN)
    assert response.status_code == 201, response.content


def test_a_null_origin_is_refused(contribution):
    response = post(anonymous_browser(), f"{API}{contribution.pk}/support/", origin="null")
    assert response.status_code == 403


def test_a_trusted_origin_is_accepted(contribution, settings):
    settings.CSRF_TRUSTED_ORIGINS = ["https://*.tampere.example"]
    url = f"{API}{contribution.pk}/support/"
    assert post(Client(), url, origin="https://kartta.tampere.example").status_code == 200
    assert post(Client(), url, origin="http://kartta.tampere.example").status_code == 403


def test_over_https_without_origin_the_referer_must_be_this_site(contribution):
    url = f"{API}{contribution.pk}/support/"

    def secure(**headers):
        return Client().post(url, secure=True, headers=headers, REMOTE_ADDR="198.51.100.1")

    assert secure(referer="https://evil.example/page").status_code == 403
    assert secure().status_code == 403
    assert secure(referer=f"https://testserver/contributions/{contribution.pk}/").status_code == 200


def test_a_signed_in_cross_origin_write_is_refused(resident_client, contribution):
    response = post(resident_client, f"{API}{contribution.pk}/support/", origin=EVIL)
    assert response.status_code == 403
    assert not Support.objects.exists()


def test_an_api_key_is_not_a_cookie_and_may_write_from_anywhere(theme):
    key = ApiKeyFactory().secret
    response = post(
        Client(), API, contribution_payload(theme), origin=EVIL, authorization=f"Api-Key {key}"
    )
    assert response.status_code == 201, response.content


@pytest.mark.parametrize("path", ["support/", "flag/", "comments/"])
def test_anonymous_html_forms_need_the_csrf_token(contribution, path):
    browser = Client(enforce_csrf_checks=True)
    data = {"reason": "spam", "body": "Hello"}
    url = f"/en/contributions/{contribution.pk}/{path}"
    assert browser.post(url, data).status_code == 403
    page = browser.get(f"/en/contributions/{contribution.pk}/")
    token = page.context["csrf_token"]
    assert browser.post(url, {**data, "csrfmiddlewaretoken": str(token)}).status_code == 302


def test_the_anonymous_contribution_form_needs_the_csrf_token(theme):
    browser = Client(enforce_csrf_checks=True)
    url = f"/en{theme.campaign.get_absolute_url()}"
    form = {"kind": "need", "theme": theme.slug, "title": "Lights", "body": "Dark."}
    assert browser.post(url, {**form, "lat": "61.501", "lon": "23.631"}).status_code == 403
    assert not Contribution.objects.exists()
