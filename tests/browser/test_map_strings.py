"""The map scripts' words come from Django's JavaScript catalog, in the page's language, and the
map asks the API for pages of the size the server configures, following them to the end."""

import json
import re
from pathlib import Path

import pytest
from django.conf import settings
from playwright.sync_api import Page, expect

from engagement.participation.api import MAX_LIMIT
from tests.browser.test_campaign_journey import CAMPAIGN, open_campaign
from tests.browser.test_map_cells import crowd, open_at

SCRIPTS = Path(settings.BASE_DIR) / "static" / "js"
# A literal gettext("...") call in a script: what makemessages -d djangojs extracts.
GETTEXT_CALL = re.compile(r'\bgettext\(\s*"((?:[^"\\]|\\.)*)"\s*\)')


# A literal ngettext("...", "...", n) call: its singular is the catalog's key.
NGETTEXT_CALL = re.compile(r'\bngettext\(\s*"((?:[^"\\]|\\.)*)",\s*"((?:[^"\\]|\\.)*)"')


def script_msgids() -> set[str]:
    return {
        json.loads(f'"{match}"')
        for path in SCRIPTS.rglob("*.js")
        for match in GETTEXT_CALL.findall(path.read_text(encoding="utf-8"))
    }


def script_plurals() -> set[tuple[str, str]]:
    return {
        (json.loads(f'"{one}"'), json.loads(f'"{many}"'))
        for path in SCRIPTS.rglob("*.js")
        for one, many in NGETTEXT_CALL.findall(path.read_text(encoding="utf-8"))
    }


def catalog_of(client, prefix: str) -> dict:
    """The translations the catalog script carries, read from its JSON literal."""
    response = client.get(f"{prefix}/jsi18n/")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/javascript")
    text = response.content.decode()
    return json.loads(re.search(r"const newcatalog = (\{.*?\});\n", text, re.S).group(1))


def test_scripts_ask_for_words_through_gettext_with_literals_only():
    # makemessages extracts only literal strings: gettext(variable) would stay English.
    calls = [
        line.strip()
        for path in SCRIPTS.rglob("*.js")
        if path.name != "i18n.js"
        for line in path.read_text(encoding="utf-8").splitlines()
        if re.search(r"\bgettext\((?!\s*\")", line)
    ]
    assert calls == []
    assert len(script_msgids()) >= 15
    assert "Map of the campaign area. Use the arrow keys to move the map." in script_msgids()


@pytest.mark.parametrize(
    ("prefix", "word"),
    [("", "Kyselyn alueen kartta"), ("/sv", "Karta över enkätens område")],
)
def test_catalog_translates_every_word_of_the_scripts(client, db, prefix, word):
    catalog = catalog_of(client, prefix)
    missing = {msgid for msgid in script_msgids() if not catalog.get(msgid)}
    assert missing == set()
    # A plural's forms (two in Finnish and Swedish), each filled in.
    plurals = script_plurals()
    assert ("%(count)s idea", "%(count)s ideas") in plurals
    untranslated = {one for one, _ in plurals if len(catalog.get(one) or []) != 2}
    assert untranslated == set()
    assert all(all(form) for one, _ in plurals for form in catalog[one])
    assert catalog["Map of the campaign area. Use the arrow keys to move the map."].startswith(word)


def test_catalog_can_be_cached_and_revalidated(client, db):
    first = client.get("/jsi18n/")
    assert "max-age" in first["Cache-Control"]
    again = client.get("/jsi18n/", HTTP_IF_MODIFIED_SINCE=first["Last-Modified"])
    assert again.status_code == 304


@pytest.mark.parametrize(
    ("prefix", "words"),
    [
        (
            "",
            {
                "map": "Kyselyn alueen kartta. Siirrä karttaa nuolinäppäimillä.",
                "point": "Piste 1: leveysaste",
                "added": "Piste 1 lisätty. Piirroksen pisteitä: 1.",
                "move": "Siirrä kartan keskelle",
                "remove": "Poista",
                "removed": "Piste poistettu. Piirroksen pisteitä: 0.",
                "too_few": "Alueessa on oltava vähintään 3 pistettä.",
            },
        ),
        (
            "/sv",
            {
                "map": "Karta över enkätens område. Flytta kartan med piltangenterna.",
                "point": "Punkt 1: latitud",
                "added": "Punkt 1 har lagts till. Antal punkter i figuren: 1.",
                "move": "Flytta till kartans mitt",
                "remove": "Ta bort",
                "removed": "Punkten har tagits bort. Antal punkter i figuren: 0.",
                "too_few": "Ett område måste ha minst 3 punkter.",
            },
        ),
    ],
)
def test_map_controls_speak_the_pages_language(page: Page, live_server, demo, prefix, words):
    open_campaign(page, live_server, f"{prefix}{CAMPAIGN}")
    expect(page.locator("#campaign-map")).to_have_attribute("aria-label", words["map"])
    page.locator("#shape-choice input[value=polygon]").check()
    page.locator("#vertex-add").click()
    status = page.locator("#map-status")
    expect(status).to_have_text(words["added"])
    vertex = page.locator("#vertex-list li").first
    expect(vertex).to_contain_text(words["point"])
    expect(vertex.get_by_role("button", name=words["move"])).to_be_visible()
    page.locator("#submit-contribution").click()
    expect(page.locator("#error-geometry")).to_have_text(words["too_few"])
    vertex.get_by_role("button", name=words["remove"]).click()
    expect(status).to_have_text(words["removed"])


def test_the_map_draws_tiles_and_a_cells_list_follows_the_apis_pages(
    page: Page, live_server, demo, monkeypatch
):
    # The map itself reads its vector tiles, not pages of contributions; the list of a crowded
    # cell, with pages far smaller than the cell, still arrives whole, page after page.
    monkeypatch.setattr("engagement.participation.views.MAX_LIMIT", 3)
    public, centre = crowd()
    asked: list[str] = []
    page.on("request", lambda request: asked.append(request.url))
    open_at(page, live_server, centre, 16)
    config = json.loads(page.locator("#map-config").text_content())
    assert config["pageSize"] == 3
    assert any("/tiles/contributions/16/" in url for url in asked)
    # Before a marker is opened, the API is asked only for routes' and areas' whole geometry.
    assert all("ids=" in url for url in asked if "/api/v1/contributions/" in url)
    asked.clear()
    page.locator("#campaign-map .map-count-cell").click()
    expect(page.locator(".leaflet-popup a.pin-list-link")).to_have_count(len(public))
    pages = [url for url in asked if "/api/v1/contributions/" in url]
    assert any("limit=3" in url and "offset=3" in url for url in pages), pages


def test_map_asks_for_the_apis_maximum_page(client, demo):
    response = client.get(CAMPAIGN)
    config = json.loads(
        re.search(
            rb'<script id="map-config" type="application/json">(.*?)</script>',
            response.content,
            re.S,
        ).group(1)
    )
    assert config["pageSize"] == MAX_LIMIT
    assert "strings" not in config
