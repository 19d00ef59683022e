"""HTML pages: the campaign page works without JavaScript, in three languages."""

import pytest
from django.core import mail
from django.core.management import call_command

from engagement.models import AccessibilityFeedback, Campaign, Contribution
from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db


def form_data(theme, **overrides):
    data = {
        "kind": "idea",
        "theme": theme.slug,
        "title": "Table tennis at the library",
        "body": "Young people need something to do in the evenings.",
        "lat": "61.5005",
        "lon": "23.6301",
    }
    data.update(overrides)
    return data


def test_campaign_page_lists_contributions_without_javascript(client, theme):
    ContributionFactory(campaign=theme.campaign, theme=theme, title="Skate spot by the school")
    response = client.get(theme.campaign.get_absolute_url())
    assert response.status_code == 200
    html = response.content.decode()
    assert "Skate spot by the school" in html
    assert 'id="contribution-form"' in html
    assert 'id="campaign-map"' in html


def test_form_post_creates_contribution_and_redirects_to_it(client, theme):
    response = client.post(theme.campaign.get_absolute_url(), form_data(theme))
    contribution = Contribution.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"/contributions/{contribution.pk}/")
    assert contribution.geometry.y == pytest.approx(61.5005)
    followed = client.get(response["Location"])
    assert "Table tennis at the library" in followed.content.decode()


def test_form_errors_are_shown_per_field_and_typed_text_is_kept(client, theme):
    data = form_data(theme, title="ab", lat="61.6", lon="23.63", body="Keep this text please")
    response = client.post(f"/en/campaigns/{theme.campaign.slug}/", data)
    assert response.status_code == 400
    html = response.content.decode()
    assert "Write a title of 3 to 120 characters (now 2)." in html
    assert "outside" in html
    assert 'value="ab"' in html
    assert "Keep this text please" in html
    assert 'aria-invalid="true"' in html
    assert not Contribution.objects.exists()


def test_form_with_non_numeric_coordinates_explains_the_problem(client, theme):
    response = client.post(theme.campaign.get_absolute_url(), form_data(theme, lat="north"))
    assert response.status_code == 400
    assert 'value="north"' in response.content.decode()
    assert not Contribution.objects.exists()


def test_closed_campaign_page_says_why_instead_of_showing_the_form(client, theme):
    Campaign.objects.filter(pk=theme.campaign.pk).update(closes_at="2020-01-01T00:00:00Z")
    html = client.get(f"/en/campaigns/{theme.campaign.slug}/").content.decode()
    assert 'id="contribution-form"' not in html
    assert "not open" in html


def test_front_page_is_the_default_campaign_in_finnish(client):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.get("/")
    assert response.status_code == 200
    html = response.content.decode()
    assert '<html lang="fi">' in html
    assert "Tesoma yhdessä" in html


@pytest.mark.parametrize(
    ("prefix", "lang", "title"),
    [("/sv", "sv", "Tesoma tillsammans"), ("/en", "en", "Tesoma together")],
)
def test_language_prefixes_switch_language(client, prefix, lang, title):
    call_command("load_demo", stdout=open("/dev/null", "w"))  # noqa: SIM115
    response = client.get(f"{prefix}/campaigns/tesoma-together/")
    html = response.content.decode()
    assert f'<html lang="{lang}">' in html
    assert title in html
    assert 'href="/campaigns/tesoma-together/" lang="fi"' in html


def test_contribution_page_shows_public_contribution_only(client, theme):
    public = ContributionFactory(campaign=theme.campaign, theme=theme, title="Open library")
    pending = ContributionFactory(
        campaign=theme.campaign, theme=theme, moderation_state=Contribution.ModerationState.PENDING
    )
    assert "Open library" in client.get(f"/contributions/{public.pk}/").content.decode()
    assert client.get(f"/contributions/{pending.pk}/").status_code == 404


def test_accessibility_statement_is_linked_from_every_page(client, theme):
    for url in ["/", theme.campaign.get_absolute_url(), "/accessibility/"]:
        assert 'href="/accessibility/"' in client.get(url).content.decode()


def test_accessibility_feedback_is_stored_and_mailed(client, settings):
    settings.ACCESSIBILITY_FEEDBACK_EMAIL = "saavutettavuus@example.org"
    response = client.post(
        "/accessibility/", {"message": "The map has low contrast.", "page_url": "/campaigns/x/"}
    )
    assert response.status_code == 302
    assert AccessibilityFeedback.objects.get().message == "The map has low contrast."
    assert mail.outbox[0].to == ["saavutettavuus@example.org"]


def test_empty_accessibility_feedback_is_refused_with_a_message(client):
    response = client.post("/accessibility/", {"message": ""})
    assert response.status_code == 400
    assert not AccessibilityFeedback.objects.exists()


@pytest.mark.parametrize(("lat", "lon"), [("nan", "23.6"), ("61.5", "inf"), ("95", "23.6")])
def test_form_refuses_coordinates_that_are_not_on_the_globe(client, theme, lat, lon):
    response = client.post(f"/campaigns/{theme.campaign.slug}/", form_data(theme, lat=lat, lon=lon))
    assert response.status_code == 400
    assert not Contribution.objects.exists()


def test_form_accepts_a_decimal_comma(client, theme):
    response = client.post(
        f"/campaigns/{theme.campaign.slug}/", form_data(theme, lat="61,5005", lon="23,6301")
    )
    assert response.status_code == 302
    assert Contribution.objects.get().geometry.y == pytest.approx(61.5005)
