"""The self-hosted vector base map: PMTiles files in MAP_PMTILES_DIR, served with HTTP Range
(`views.py`), built from GeoJSON by PostGIS's ST_AsMVT (`build.py`), and each map's choice of
base layers (`layers.py`). docs/decisions/0023."""
