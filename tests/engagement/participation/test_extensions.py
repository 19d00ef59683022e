"""Apps above engagement add panels and map layers to its pages through its registry."""

import json
import re

import pytest

from engagement.participation import extensions
from tests.factories import ContributionFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def registry(monkeypatch, settings, tmp_path):
    """Empty registries for the test, and a panel template of its own; the apps' own
    registrations come back afterwards."""
    for name in ("_contribution_panels", "_campaign_panels", "_campaign_layers"):
        monkeypatch.setattr(extensions, name, {})
    (tmp_path / "test_panel.html").write_text('<aside class="test-panel">{{ words }}</aside>')
    settings.TEMPLATES = [
        {**settings.TEMPLATES[0], "DIRS": [tmp_path, *settings.TEMPLATES[0]["DIRS"]]}
    ]
    return extensions


def _map_config(html: str) -> dict:
    """The map script's configuration: the page's JSON script that names the campaign."""
    scripts = re.findall(r'<script id="[^"]+" type="application/json">(.*?)</script>', html, re.S)
    (config,) = [
        data for data in map(json.loads, scripts) if isinstance(data, dict) and "campaign" in data
    ]
    return config


def test_a_registered_panel_shows_on_the_contribution_page_with_its_context(
    client, registry, theme
):
    item = ContributionFactory(campaign=theme.campaign, theme=theme)
    registry.register_contribution_panel(
        name="echo",
        template="test_panel.html",
        context=lambda contribution: {"words": f"About {contribution.pk}"},
    )
    registry.register_contribution_panel(
        name="silent", template="test_panel.html", context=lambda _c: None
    )

    html = client.get(f"/en/contributions/{item.pk}/").content.decode()

    assert html.count('<aside class="test-panel">') == 1
    assert f'<aside class="test-panel">About {item.pk}</aside>' in html


def test_a_registered_campaign_panel_and_layer_reach_the_page_and_the_map(
    client, registry, campaign
):
    registry.register_campaign_panel(
        name="echo",
        template="test_panel.html",
        context=lambda c: {"words": c.title},
    )
    registry.register_campaign_layer(config_key="treesApi", url=lambda c: f"/trees/?c={c.slug}")

    html = client.get(f"/en/campaigns/{campaign.slug}/").content.decode()

    assert '<aside class="test-panel">Tesoma together</aside>' in html
    config = _map_config(html)
    assert config["treesApi"] == "/trees/?c=tesoma-together"
    assert "pilotsApi" not in config


def test_without_registrations_the_pages_show_no_pilots_at_all(client, registry, theme):
    item = ContributionFactory(campaign=theme.campaign, theme=theme)
    for url in (f"/en/contributions/{item.pk}/", f"/en/campaigns/{theme.campaign.slug}/"):
        response = client.get(url)
        assert response.status_code == 200
        assert 'id="pilots-heading"' not in response.content.decode()


def test_the_toolkit_registers_its_pilots_when_it_starts():
    assert "pilots" in extensions._contribution_panels
    assert "pilots" in extensions._campaign_panels
    assert "pilotsApi" in extensions._campaign_layers
