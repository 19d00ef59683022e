"""The demo's base map: the orientation data written as MAP_PMTILES_DIR/tesoma.pmtiles, the
file the default MAP_BASE_LAYERS shows (config/basemaps.py)."""

from pathlib import Path

from config.demo.read_basemap import ORIENTATION_FILE, orientation_read
from geo.basemap.build import BuildResult, basemap_build
from geo.basemap.files import pmtiles_path

DEMO_BASEMAP = "tesoma"


def demo_basemap_build(
    *, source: Path = ORIENTATION_FILE, name: str = DEMO_BASEMAP, force: bool = False
) -> BuildResult:
    """Builds the file unless it already holds this data (then only its header is read)."""
    target = pmtiles_path(name)
    if target is None:
        raise ValueError(f"{name!r} is not a base map name (letters, digits, - and _).")
    return basemap_build(orientation_read(source), target, force=force)
