"""Several contributions in one 100 m privacy cell share one marker on the campaign map's vector
tiles: the marker is a button the keyboard reaches, it opens the list of every contribution
there, each a link; at a low zoom a cluster does the same and zooms in. Hidden and pending
contributions never count nor show."""

import re

from django.contrib.gis.geos import Point
from playwright.sync_api import Page, expect

from engagement.models import Campaign, Contribution
from geo.selectors import PRIVACY_GRID_METRES, PRIVACY_GRID_SRID
from tests.browser.test_campaign_journey import CAMPAIGN, DEMO_COUNT
from tests.factories import ContributionFactory
from tests.transforms import transformed

# Inside Tesoma, some 300 m from the nearest demo contribution.
NEAR = Point(23.6400, 61.4975, srid=4326)
# Leaflet's map, for a test that must put the view on one spot (django-leaflet's own event).
KEEP_MAP = "window.addEventListener('map:init', (e) => { window.__map = e.detail.map; });"


def cell_points(n: int) -> tuple[list[Point], Point]:
    """n points inside the privacy cell of NEAR (all more than 10 m from its edges), and the
    cell's centre, in WGS 84."""
    here = transformed(NEAR, PRIVACY_GRID_SRID)
    size = PRIVACY_GRID_METRES
    x0, y0 = here.x // size * size, here.y // size * size
    points = []
    for i in range(n):
        p = Point(x0 + 15 + 14 * i, y0 + 20 + 11 * i, srid=PRIVACY_GRID_SRID)
        points.append(transformed(p, 4326))
    return points, transformed(Point(x0 + size / 2, y0 + size / 2, srid=PRIVACY_GRID_SRID), 4326)


def crowd() -> tuple[list[Contribution], Point]:
    """Five public contributions in one cell (three ideas, two needs), and one hidden and one
    pending there too."""
    campaign = Campaign.objects.get(slug="tesoma-together")
    theme = campaign.themes.order_by("slug").first()
    points, centre = cell_points(7)
    public = [
        ContributionFactory(
            campaign=campaign,
            theme=theme,
            kind="idea" if i < 3 else "need",
            title=f"Kohta {i + 1} samassa ruudussa",
            geometry=points[i],
            moderation_state=Contribution.ModerationState.PUBLISHED,
        )
        for i in range(5)
    ]
    ContributionFactory(
        campaign=campaign, theme=theme, title="Piilotettu", geometry=points[5], hidden=True
    )
    ContributionFactory(
        campaign=campaign, theme=theme, title="Odottaa", geometry=points[6], pending=True
    )
    return public, centre


def open_at(page: Page, live_server, centre: Point, zoom: int) -> None:
    page.add_init_script(KEEP_MAP)
    page.goto(f"{live_server.url}{CAMPAIGN}")
    map_el = page.locator("#campaign-map")
    expect(map_el).to_have_attribute("data-pins", str(DEMO_COUNT + 5))
    # The page's own first view settles (its tiles drawn at the map's zoom) before the test moves
    # the map, or the page's fit to the boundary could land after the test's move.
    page.wait_for_function(
        "() => window.__map && document.getElementById('campaign-map').dataset.tileZoom"
        " === String(window.__map.getZoom())"
    )
    page.wait_for_timeout(300)
    page.evaluate(f"window.__map.setView([{centre.y}, {centre.x}], {zoom}, {{ animate: false }})")
    expect(map_el).to_have_attribute("data-tile-zoom", str(zoom))


def the_list(page: Page):
    return page.locator(".leaflet-popup .pin-list")


def assert_lists_the_five(page: Page, public: list[Contribution]) -> None:
    links = the_list(page).locator("a.pin-list-link")
    expect(links).to_have_count(5)
    for contribution in public:
        link = the_list(page).get_by_role("link", name=re.compile(contribution.title))
        expect(link).to_have_attribute("href", f"/contributions/{contribution.pk}/")
    expect(the_list(page)).not_to_contain_text("Piilotettu")
    expect(the_list(page)).not_to_contain_text("Odottaa")


def test_open_a_cell_with_several_pins_and_reach_each_by_keyboard(page: Page, live_server, demo):
    public, centre = crowd()
    open_at(page, live_server, centre, 16)
    cell = page.locator("#campaign-map .map-count-cell").filter(has_text="5")
    expect(cell).to_have_count(1)
    expect(cell).to_have_attribute("aria-label", "5 ehdotusta tässä: 3 ideaa, 2 tarvetta")

    # Tab from the map itself reaches the cell's button.
    page.locator("#campaign-map").focus()
    for _ in range(20):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.classList.contains('map-count-cell')"):
            break
    else:
        raise AssertionError("Tab never reached the cell's marker")
    page.keyboard.press("Enter")
    expect(the_list(page).get_by_role("heading")).to_have_text(
        "5 ehdotusta tässä: 3 ideaa, 2 tarvetta"
    )
    assert_lists_the_five(page, public)
    # Focus is in the list, and Tab goes from link to link: each of the five.
    reached = []
    for _ in range(5):
        reached.append(page.evaluate("document.activeElement.getAttribute('href')"))
        page.keyboard.press("Tab")
    assert sorted(reached) == sorted(f"/contributions/{c.pk}/" for c in public)
    # Escape closes the list and gives focus back to the marker.
    page.keyboard.press("Shift+Tab")
    page.keyboard.press("Escape")
    expect(the_list(page)).to_have_count(0)
    expect(cell).to_be_focused()
    # Space opens it too; Enter on a link leads to its contribution.
    page.keyboard.press("Space")
    expect(the_list(page).locator("a.pin-list-link")).to_have_count(5)
    expect(the_list(page).locator("a.pin-list-link").first).to_be_focused()
    page.keyboard.press("Enter")
    expect(page).to_have_url(re.compile(rf"/contributions/{public[-1].pk}/$"))
    expect(page.get_by_role("heading", level=1)).to_have_text(public[-1].title)


def test_open_a_cell_with_the_mouse(page: Page, live_server, demo):
    public, centre = crowd()
    open_at(page, live_server, centre, 17)
    page.locator("#campaign-map .map-count-cell").click()
    assert_lists_the_five(page, public)
    # Each item says kind and theme besides the title.
    first = the_list(page).locator("li").first
    expect(first).to_contain_text("Tarve · ")
    the_list(page).get_by_role("link", name=re.compile(public[0].title)).click()
    expect(page).to_have_url(re.compile(rf"/contributions/{public[0].pk}/$"))


def test_a_cluster_at_a_low_zoom_shows_its_count_lists_and_zooms_in(page: Page, live_server, demo):
    public, centre = crowd()
    open_at(page, live_server, centre, 11)
    cluster = page.locator("#campaign-map .map-count-cluster")
    expect(cluster.first).to_be_visible()
    # Every public contribution is counted once, in some cluster or pin; the two others never.
    expect(page.locator("#campaign-map")).to_have_attribute("data-pins", str(DEMO_COUNT + 5))
    labels = cluster.evaluate_all("bs => bs.map(b => b.getAttribute('aria-label'))")
    assert labels and all(re.match(r"^\d+ ehdotusta tässä lähellä: ", label) for label in labels)
    # The cluster holding the cell lists its five, and offers to zoom in there.
    biggest = max(range(len(labels)), key=lambda i: int(labels[i].split()[0]))
    cluster.nth(biggest).click()
    for contribution in public:
        expect(the_list(page)).to_contain_text(contribution.title)
    expect(the_list(page)).not_to_contain_text("Piilotettu")
    zoom = the_list(page).get_by_role("button", name="Lähennä tähän")
    # The popup's own pan (to show itself whole) ends before the button is pressed, as a person
    # would see it; the new zoom's tiles may take a while on a loaded machine.
    page.wait_for_function(
        "() => !window.__map._panAnim?._inProgress && !window.__map._animatingZoom"
    )
    zoom.click()
    map_el = page.locator("#campaign-map")
    expect(map_el).not_to_have_attribute("data-tile-zoom", "11", timeout=15_000)
    expect(map_el).to_be_focused()
    expect(page.locator("#map-status")).to_contain_text("Karttaa lähennettiin")
