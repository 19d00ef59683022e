"""A base layer as the settings describe it, and its texts in a language. Imported by the
settings (through config/basemaps.py, which reads MAP_BASE_LAYERS), so nothing here needs them."""

from dataclasses import dataclass, field

from django.utils import translation

LANGUAGE_CODES = ("fi", "sv", "en")


@dataclass(frozen=True)
class BaseLayer:
    """One choice of the maps' layer switcher; `name` and `attribution` per language or a msgid."""

    id: str
    kind: str  # "raster" or "pmtiles"
    name: str | dict[str, str] | None
    attribution: str | dict[str, str] | None
    url: str = ""  # raster: the tile URL template
    pmtiles: str = ""  # pmtiles: the file's name in MAP_PMTILES_DIR, without .pmtiles
    min_zoom: int | None = None
    max_zoom: int | None = None
    subdomains: list[str] = field(default_factory=list)


def text_in(value: str | dict[str, str] | None, language: str) -> str:
    """A layer's name or attribution in `language`: its own text for it, else the Finnish one;
    a plain text is a msgid, translated when the catalog has it (a proper name stays as is)."""
    if value is None:
        return ""
    if isinstance(value, dict):
        return value.get(language) or value["fi"]
    with translation.override(language):
        return translation.gettext(value)
