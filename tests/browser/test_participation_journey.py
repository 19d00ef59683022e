"""A resident draws routes and areas, attaches a photo, comments, supports, filters, and claims
anonymous input into a new account, in Chromium (English pages)."""

import io
import re

import pytest
from django.core import mail
from PIL import Image
from playwright.sync_api import Page, expect

from engagement.models import Comment, Contribution, Support
from tests.browser.test_campaign_journey import DEMO_COUNT, serious_violations, tab_to

CAMPAIGN = "/en/campaigns/tesoma-together/"


def open_campaign(page: Page, live_server) -> None:
    page.goto(f"{live_server.url}{CAMPAIGN}")
    expect(page.locator("#campaign-map")).to_have_attribute("data-pins", str(DEMO_COUNT))


def form(page: Page):
    return page.locator("#contribution-form")


def fill_texts(page: Page, title: str, body: str) -> None:
    form(page).get_by_role("combobox", name=re.compile("^Theme")).select_option("innovative-routes")
    form(page).get_by_role("textbox", name=re.compile("^Title")).fill(title)
    form(page).get_by_role("textbox", name=re.compile("^Description")).fill(body)


@pytest.mark.parametrize(
    ("choice", "geom_type", "title"),
    [
        ("Route (line)", "LineString", "Lit path to school"),
        ("Area (polygon)", "Polygon", "Dog park by the woods"),
    ],
)
def test_route_or_area_drawn_with_the_mouse(
    page: Page, live_server, demo, choice, geom_type, title
):
    open_campaign(page, live_server)
    form(page).get_by_role("radio", name=choice).check()
    page.get_by_role("button", name="Draw on the map").click()
    expect(page.get_by_role("button", name="Finish the drawing")).to_be_visible()
    map_el = page.locator("#campaign-map")
    map_el.scroll_into_view_if_needed()
    box = map_el.bounding_box()
    for dx, dy in [(-60, 40), (0, 60), (50, 50)]:
        x, y = box["x"] + box["width"] / 2 + dx, box["y"] + box["height"] / 2 + dy
        # As a hand does: move there, then press; Geoman's hint follows the pointer first.
        page.mouse.move(x - 5, y - 5)
        page.mouse.move(x, y, steps=3)
        page.wait_for_timeout(150)
        page.mouse.down()
        page.mouse.up()
        page.wait_for_timeout(400)  # separate clicks, not a double click
    page.get_by_role("button", name="Finish the drawing").click()
    expect(page.locator("#vertex-list li")).to_have_count(3)
    fill_texts(page, title, "Drawn with the mouse.")
    form(page).get_by_role("button", name="Send").click()
    expect(page.locator("#contribution-list > li").first).to_contain_text(title)
    stored = Contribution.objects.get(title=title)
    assert stored.geometry.geom_type == geom_type
    assert stored.geometry.num_points == (3 if geom_type == "LineString" else 4)


@pytest.mark.parametrize(
    ("choice", "geom_type", "points"),
    [("Area (polygon)", "Polygon", 4), ("Route (line)", "LineString", 3)],
)
def test_route_or_area_drawn_with_the_keyboard_and_edited_before_sending(
    page: Page, live_server, demo, choice, geom_type, points
):
    open_campaign(page, live_server)
    area_radio = form(page).get_by_role("radio", name=choice)
    area_radio.focus()
    page.keyboard.press("Space")
    expect(area_radio).to_be_checked()
    for key in ["ArrowUp", "ArrowRight", "ArrowDown", "ArrowDown"]:
        tab_to(page, "campaign-map")
        page.keyboard.press(key)
        page.wait_for_timeout(300)
        tab_to(page, "vertex-add")
        page.keyboard.press("Enter")
    expect(page.locator("#vertex-list li")).to_have_count(4)
    expect(page.locator("#map-status")).to_contain_text("4 points")
    # Remove the last corner again from the list, with the keyboard.
    page.locator("#vertex-list li").nth(3).get_by_role("button", name="Remove").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#vertex-list li")).to_have_count(3)
    fill_texts(page, "Meadow for the neighbourhood", "Drawn with the keyboard.")
    tab_to(page, "submit-contribution")
    page.keyboard.press("Enter")
    expect(page.locator("#contribution-list > li").first).to_contain_text("Meadow for")
    stored = Contribution.objects.get(title="Meadow for the neighbourhood")
    assert stored.geometry.geom_type == geom_type
    assert stored.geometry.num_points == points  # three corners; a polygon's ring is closed


def test_too_few_points_for_an_area_are_explained(page: Page, live_server, demo):
    open_campaign(page, live_server)
    form(page).get_by_role("radio", name="Area (polygon)").check()
    page.get_by_role("button", name="Add point at map centre").click()
    page.get_by_role("button", name="Add point at map centre").click()
    fill_texts(page, "Too small", "Two corners only.")
    form(page).get_by_role("button", name="Send").click()
    expect(page.locator("#error-geometry")).to_contain_text("at least 3 points")
    assert not Contribution.objects.filter(title="Too small").exists()


def test_photo_is_attached_and_its_gps_is_gone(page: Page, live_server, demo, tmp_path, settings):
    settings.MEDIA_ROOT = tmp_path
    image = Image.new("RGB", (320, 240), "orange")
    exif = Image.Exif()
    exif[0x8825] = {1: "N", 2: (61.0, 30.0, 1.0), 3: "E", 4: (23.0, 37.0, 2.0)}
    buffer = io.BytesIO()
    image.save(buffer, "JPEG", exif=exif)
    path = tmp_path / "my_home_bench.jpg"
    path.write_bytes(buffer.getvalue())
    with Image.open(path) as original:
        assert original.getexif().get_ifd(0x8825)  # the upload really carries GPS

    open_campaign(page, live_server)
    page.get_by_role("button", name="Place pin at map centre").click()
    fill_texts(page, "Broken bench", "See the photo.")
    form(page).get_by_label(re.compile("^Photos")).set_input_files(str(path))
    form(page).get_by_role("button", name="Send").click()
    expect(page.locator("#contribution-list > li").first).to_contain_text("Broken bench")

    photo = Contribution.objects.get(title="Broken bench").photos.get()
    with Image.open(photo.image.path) as stored:
        assert not stored.getexif()
    assert "my_home_bench" not in photo.image.name


def test_resident_comments_and_supports_on_the_detail_page(page: Page, live_server, demo):
    contribution = Contribution.objects.order_by("id").first()
    page.goto(f"{live_server.url}/en/contributions/{contribution.pk}/")
    page.get_by_role("button", name="Support", exact=True).click()
    expect(page.get_by_text("1 resident supports this.")).to_be_visible()
    page.get_by_role("textbox", name="Your comment").fill("I would use this every day.")
    page.get_by_role("button", name="Send comment").click()
    expect(page.locator(".comments")).to_contain_text("I would use this every day.")
    page.get_by_text("Reply", exact=True).first.click()
    page.get_by_role("textbox", name="Your reply").first.fill("Me too!")
    page.get_by_role("button", name="Send reply").first.click()
    expect(page.locator(".replies")).to_contain_text("Me too!")
    assert Support.objects.filter(contribution=contribution).count() == 1
    assert Comment.objects.filter(contribution=contribution).count() == 2
    assert serious_violations(page) == []


def test_filters_narrow_the_list_and_the_map(page: Page, live_server, demo):
    open_campaign(page, live_server)
    page.get_by_role("combobox", name="Kind").select_option("need")
    page.get_by_role("button", name="Show").click()
    expect(page).to_have_url(re.compile(r"kind=need"))
    needs = Contribution.objects.filter(kind="need").count()
    expect(page.locator("#contribution-list > li.contribution")).to_have_count(needs)
    expect(page.locator("#campaign-map")).to_have_attribute("data-pins", str(needs))


def test_anonymous_input_is_claimed_into_a_new_account(page: Page, live_server, demo):
    open_campaign(page, live_server)
    page.get_by_role("button", name="Place pin at map centre").click()
    fill_texts(page, "Anonymous idea", "Sent before I had an account.")
    form(page).get_by_role("button", name="Send").click()
    expect(page.locator("#contribution-list > li").first).to_contain_text("Anonymous idea")

    page.get_by_role("link", name="Create an account").click()
    page.get_by_label("Email:").fill("aino@example.org")
    page.get_by_label("Password:", exact=True).fill("a long passphrase 42")
    page.get_by_label("Password (again):").fill("a long passphrase 42")
    page.get_by_role("button", name="Sign Up").click()
    link = re.search(r"https?://\S+/confirm-email/\S+/", mail.outbox[-1].body).group(0)
    page.goto(link.replace("http://testserver", live_server.url))
    page.get_by_role("button", name="Confirm").click()

    page.goto(f"{live_server.url}/en/account/contributions/")
    assert serious_violations(page) == []
    page.get_by_role("button", name="Add to my account").click()
    expect(page.locator(".contribution-list")).to_contain_text("Anonymous idea")
    stored = Contribution.objects.get(title="Anonymous idea")
    assert stored.participant.user.email == "aino@example.org"
