"""A trainer finds a card by phase and theme, prints it, builds a workshop plan and shares it."""

import re

from django.core.files.base import ContentFile
from playwright.sync_api import Browser, Page, expect

from tests.browser.test_campaign_journey import serious_violations
from toolkit.models import MethodCard, Story


def test_find_print_and_share_a_workshop_plan(page: Page, browser: Browser, live_server, demo):
    evaluation = MethodCard.objects.get(slug="evaluation-by-measures")
    page.goto(f"{live_server.url}/en/toolkit/")
    assert serious_violations(page) == []
    page.get_by_label("Phase").select_option("evaluation")
    page.get_by_label("Theme").select_option(evaluation.themes[0])
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile("phase=evaluation"))
    page.get_by_role("link", name=evaluation.title_en).click()
    expect(page.get_by_role("heading", level=1)).to_have_text(evaluation.title_en)
    assert serious_violations(page) == []

    # The print preview has no navigation chrome.
    page.emulate_media(media="print")
    expect(page.locator(".site-header")).to_be_hidden()
    expect(page.locator(".site-footer")).to_be_hidden()
    expect(page.get_by_role("button", name="Print")).to_be_hidden()
    expect(page.get_by_role("heading", level=1)).to_be_visible()
    page.emulate_media(media="screen")

    # A workshop plan from two cards and one story, opened signed out from its link.
    story = Story.objects.filter(status="published").order_by("slug").first()
    page.goto(f"{live_server.url}/en/toolkit/workshops/new/")
    page.get_by_label("Title of the session").fill("Tesoma evening workshop")
    page.get_by_label(re.compile(re.escape(evaluation.title_en))).check()
    charrette = MethodCard.objects.get(slug="charrette")
    page.get_by_label(re.compile(re.escape(charrette.title_en))).check()
    page.get_by_label(story.title_en).check()
    page.get_by_role("button", name="Make the plan").click()
    link = page.get_by_label("Share link").input_value()
    assert "/toolkit/workshops/" in link

    stranger = browser.new_context().new_page()
    stranger.goto(link)
    expect(stranger.get_by_role("heading", level=1)).to_have_text("Tesoma evening workshop")
    items = stranger.locator(".workshop-items > li")
    expect(items).to_have_count(3)
    expect(stranger.locator(".workshop-items")).to_contain_text(story.title_en)
    assert serious_violations(stranger) == []
    stranger.context.close()


def test_story_video_player_and_captions_pass_axe(
    page: Page, live_server, demo, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    # A story whose video is an old-style file (the demo's own video is in test_story_video).
    story = Story.objects.filter(status="published", story_video=None).order_by("slug").first()
    story.video.save("clip.mp4", ContentFile(b"\x00\x00\x00\x18ftypmp42"), save=False)
    story.captions.save(
        "clip.vtt", ContentFile(b"WEBVTT\n\n00:00.000 --> 00:02.000\nHi\n"), save=False
    )
    story.save()
    page.goto(f"{live_server.url}/en/toolkit/stories/{story.slug}/")
    expect(page.locator("video track[kind=captions]")).to_have_count(1)
    expect(page.get_by_role("heading", name="Transcript")).to_be_visible()
    assert serious_violations(page) == []
