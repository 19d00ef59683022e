"""Write the demo's Tesoma orientation map as a PMTiles base map in MAP_PMTILES_DIR.

`load_demo` runs the same build, so `make run` shows the demo on it with no outside tile server.
A second run with the same data only reads the file's header. A city's own base map is built
with Protomaps' tools instead (README, "Base map configuration").
"""

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from config.demo.basemap import DEMO_BASEMAP, demo_basemap_build
from config.demo.read_basemap import ORIENTATION_FILE
from toolkit.content.datafiles import DataFileError


class Command(BaseCommand):
    help = (
        "Build the Tesoma orientation map (config/demo/data/orientation.geojson) into "
        "MAP_PMTILES_DIR/tesoma.pmtiles with PostGIS's ST_AsMVT. Skipped when up to date."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--source", type=Path, default=ORIENTATION_FILE, help="GeoJSON file")
        parser.add_argument("--name", default=DEMO_BASEMAP, help="file name, without .pmtiles")
        parser.add_argument("--force", action="store_true", help="build even when up to date")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = demo_basemap_build(
                source=options["source"], name=options["name"], force=options["force"]
            )
        except (DataFileError, ValueError) as error:
            raise CommandError(str(error)) from None
        state = "built" if result.built else "already up to date"
        self.stdout.write(
            f"Base map {result.path} {state}: {result.tiles} tiles, {result.bytes} bytes."
        )
