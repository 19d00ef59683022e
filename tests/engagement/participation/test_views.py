"""The participation pages work without JavaScript: detail, comments, supports, account."""

import json

import pytest
from django.test import Client

from engagement.models import Comment, Contribution, Follow, Support
from tests.factories import CommentFactory, ContributionFactory

pytestmark = pytest.mark.django_db


def test_detail_page_has_an_opengraph_preview(client, contribution):
    html = client.get(f"/contributions/{contribution.pk}/").content.decode()
    assert '<meta property="og:title" content="Skate spot">' in html
    assert f'/contributions/{contribution.pk}/"' in html


def test_user_text_is_escaped_and_links_are_marked_as_user_content(client, contribution):
    CommentFactory(
        contribution=contribution,
        body="<script>alert(1)</script> see https://example.org/path and <b>bold</b>",
    )
    html = client.get(f"/contributions/{contribution.pk}/").content.decode()
    assert "<script>alert(1)</script>" not in html
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert '<a href="https://example.org/path" rel="nofollow ugc">' in html
    assert "<b>bold</b>" not in html


def test_comment_form_posts_and_redirects_to_the_comment(client, contribution):
    response = client.post(f"/contributions/{contribution.pk}/comments/", {"body": "Hyvä idea!"})
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"].endswith(f"#comment-{comment.pk}")
    assert "yhdessa_participant" in response.cookies


def test_empty_comment_shows_an_error_on_the_page(client, contribution):
    response = client.post(f"/en/contributions/{contribution.pk}/comments/", {"body": " "})
    assert response.status_code == 400
    assert "Write a comment of 1 to 3000 characters" in response.content.decode()


def test_support_button_without_javascript(client, contribution):
    url = f"/contributions/{contribution.pk}/support/"
    client.post(url)
    client.post(url)
    assert Support.objects.count() == 1
    html = client.get(f"/en/contributions/{contribution.pk}/").content.decode()
    assert "Take my support back" in html
    client.post(url, {"action": "remove"})
    assert not Support.objects.exists()


def test_follow_sends_anonymous_residents_to_sign_in(client, contribution, resident):
    response = client.post(f"/contributions/{contribution.pk}/follow/")
    assert "/accounts/login/" in response["Location"]
    client.force_login(resident)
    client.post(f"/contributions/{contribution.pk}/follow/")
    assert Follow.objects.count() == 1


def test_filters_and_search_are_kept_in_the_url(client, theme):
    ContributionFactory(campaign=theme.campaign, theme=theme, title="Penkit puistoon", kind="need")
    ContributionFactory(campaign=theme.campaign, theme=theme, title="Valot", kind="idea")
    html = client.get(
        f"/en/campaigns/{theme.campaign.slug}/", {"kind": "need", "q": "puisto"}
    ).content.decode()
    assert "Penkit puistoon" in html
    assert "Valot" not in html
    assert 'value="puisto"' in html
    assert "Clear filters" in html


def test_author_edits_own_contribution_in_the_browser_without_javascript(theme):
    browser = Client()
    browser.post(
        f"/campaigns/{theme.campaign.slug}/",
        {
            "kind": "idea",
            "theme": theme.slug,
            "title": "Lights",
            "body": "Dark path.",
            "lat": "61.5",
            "lon": "23.63",
        },
    )
    contribution = Contribution.objects.get()
    response = browser.post(
        f"/contributions/{contribution.pk}/edit/",
        {
            "kind": "need",
            "theme": theme.slug,
            "title": "More lights",
            "body": "Very dark.",
            "lat": "61.5",
            "lon": "23.63",
        },
    )
    assert response.status_code == 302
    contribution.refresh_from_db()
    assert contribution.title == "More lights"
    assert Client().get(f"/contributions/{contribution.pk}/edit/").status_code == 403
    browser.post(f"/contributions/{contribution.pk}/withdraw/")
    contribution.refresh_from_db()
    assert contribution.moderation_state == "withdrawn"


def test_anonymous_input_is_claimed_after_signing_in(theme, resident):
    browser = Client()
    browser.post(
        f"/campaigns/{theme.campaign.slug}/",
        {
            "kind": "idea",
            "theme": theme.slug,
            "title": "Lights",
            "body": "Dark path.",
            "lat": "61.5",
            "lon": "23.63",
        },
    )
    browser.force_login(resident)
    page = browser.get("/en/account/contributions/").content.decode()
    assert "Add to my account" in page
    browser.post("/account/claim/")
    assert Contribution.objects.get().participant.user == resident
    assert "Add to my account" not in browser.get("/en/account/contributions/").content.decode()


def test_personal_data_download_has_contributions_as_geojson(client, theme, resident):
    client.force_login(resident)
    client.post(
        f"/campaigns/{theme.campaign.slug}/",
        {
            "kind": "idea",
            "theme": theme.slug,
            "title": "Lights",
            "body": "Dark path.",
            "lat": "61.50077",
            "lon": "23.63123",
        },
    )
    response = client.get("/account/data/")
    assert "attachment" in response["Content-Disposition"]
    data = json.loads(response.content)
    assert data["account"]["email"] == resident.email
    (feature,) = data["contributions"]["features"]
    # The owner gets the exact point, not the public one.
    assert feature["geometry"]["coordinates"] == [23.63123, 61.50077]


def test_account_deletion_keeps_contributions_anonymised(client, theme, resident):
    client.force_login(resident)
    client.post(
        f"/campaigns/{theme.campaign.slug}/",
        {
            "kind": "idea",
            "theme": theme.slug,
            "title": "Lights",
            "body": "Dark path.",
            "lat": "61.5",
            "lon": "23.63",
        },
    )
    assert client.post("/account/delete/", {}).status_code == 400  # confirmation required
    client.post("/account/delete/", {"confirm": "on"})
    assert Contribution.objects.get().participant is None
    assert client.get("/account/contributions/").status_code == 302  # signed out


def test_signup_requires_a_verified_email(client, mailoutbox):
    response = client.post(
        "/en/accounts/signup/",
        {
            "email": "aino@example.org",
            "password1": "a-long passphrase 42",
            "password2": "a-long passphrase 42",
        },
    )
    assert response.status_code == 302
    assert "confirm-email" in response["Location"] or "verification" in response["Location"]
    assert mailoutbox and "aino@example.org" in mailoutbox[0].to
