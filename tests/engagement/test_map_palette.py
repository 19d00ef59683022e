"""The map's colours can be told apart from the map and carry their glyphs (WCAG 1.4.11).

Theme colours fill the symbols on the map; each needs 3:1 against the map's background, and the
white glyph on it (light bulb, exclamation mark) 3:1 against the colour. Themes that differ by hue
alone are hard to tell apart for many people, so the demo's palette also differs in lightness
between every two themes; the theme is named in the legend and the popup besides.
"""

import itertools
import json
import re
from pathlib import Path

import pytest
from django import forms
from django.conf import settings

from engagement.admin import ThemeForm
from engagement.common.colours import MAP_BACKGROUND, WHITE, contrast
from engagement.models import Theme

BASE = Path(settings.BASE_DIR)
THEMES = json.loads((BASE / "config" / "demo" / "data" / "themes.json").read_text("utf-8"))


def map_background() -> str:
    """The campaign map's own background, from the site's style sheet."""
    css = (BASE / "static" / "css" / "site.css").read_text("utf-8")
    rule = re.search(r"#campaign-map\s*\{[^}]*background:\s*(#[0-9a-fA-F]{6})", css)
    assert rule, "site.css gives the campaign map a background colour"
    return rule.group(1)


def map_style_colours() -> dict[str, str]:
    """The fixed colours of static/js/lib/map-style.js (boundary, pilots, drawing)."""
    text = (BASE / "static" / "js" / "lib" / "map-style.js").read_text("utf-8")
    block = re.search(r"export const COLOURS = \{(.*?)\};", text, re.S).group(1)
    return dict(re.findall(r'(\w+): "(#[0-9a-fA-F]{6})"', block))


def test_contrast_matches_wcag_examples():
    assert contrast("#000000", WHITE) == pytest.approx(21)
    assert contrast("#767676", WHITE) == pytest.approx(4.54, abs=0.01)
    # The two themes the issue found at 1.02:1 in the old palette.
    assert contrast("#b54708", "#0b7a5a") == pytest.approx(1.02, abs=0.01)


@pytest.mark.parametrize("theme", THEMES, ids=lambda t: t["slug"])
def test_theme_colour_stands_out_from_the_map_and_carries_a_white_glyph(theme):
    assert contrast(theme["color"], map_background()) >= 3
    assert contrast(theme["color"], WHITE) >= 3


def test_demo_themes_differ_in_lightness_not_by_hue_alone():
    pairs = {
        (a["slug"], b["slug"]): round(contrast(a["color"], b["color"]), 2)
        for a, b in itertools.combinations(THEMES, 2)
    }
    assert min(pairs.values()) >= 1.25, pairs


@pytest.mark.parametrize("name", ["boundary", "pilot", "accent"])
def test_the_maps_own_colours_stand_out_from_the_map(name):
    assert contrast(map_style_colours()[name], map_background()) >= 3


def test_the_validators_background_is_the_maps():
    assert map_background().lower() == MAP_BACKGROUND


@pytest.mark.parametrize(
    ("colour", "valid"),
    [("#0b7a5a", True), ("#501d7c", True), ("#f4c430", False), ("#9ab0c0", False), ("red", False)],
)
def test_the_admin_refuses_a_theme_colour_the_map_could_not_show(colour, valid):
    form_class = forms.modelform_factory(Theme, form=ThemeForm, fields=["color"])
    form = form_class(data={"color": colour})
    assert form.is_valid() is valid
    if not valid:
        assert form.errors["color"]
