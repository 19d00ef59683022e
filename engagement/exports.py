"""Exports of contributions (CSV, GeoJSON, GeoPackage): being built."""

urlpatterns: list = []
