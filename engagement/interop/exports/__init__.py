"""Exports of public contributions: CSV, GeoJSON and GeoPackage downloads (`/exports/...`).

The query parameters are those of `GET /api/v1/contributions/` without paging: an export holds
every matching row. Rows are read from the database in chunks through a server-side cursor, already
formatted by PostgreSQL/PostGIS (GeoJSON, WKT, WKB, centroids), so memory stays flat whatever their
number and no model instance or GEOS object is built per row.

Each export is one plain HTTP response, so the browser shows its progress like any download;
there are no background jobs or queues. CSV and GeoJSON are streamed while the rows arrive. A
GeoPackage is a SQLite database that cannot be written front to back, so it is filled in a
temporary file first, then sent with its length and deleted when the response is closed.

Apps above engagement add columns, layers and tables through `extensions.py` (toolkit: the
pilots answering each contribution, decision 0043); engagement never imports them.
"""
