"""JSON and GeoJSON data files read with the line of every object, for errors an editor can act on.

`json_read` returns dictionaries that remember the line of their opening brace; `Fields` reads
typed values out of one such object and reports a wrong one at that line, naming the record
("feature 3", "themes[1]") and the key.
"""

import bisect
import json
import json.decoder
import json.scanner
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError

from geo.services import geometry_from_geojson
from toolkit.content.datafiles import LANGUAGES, DataFileError, read_text


class _Located(dict):
    """A JSON object and the line it starts on."""

    line: int = 0


class _LineDecoder(json.JSONDecoder):
    """The standard decoder with the pure-Python scanner, so each object learns its line."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self._newlines = [index for index, char in enumerate(text) if char == "\n"]
        self.parse_object = self._parse_object
        self.scan_once = json.scanner.py_make_scanner(self)

    def _parse_object(self, s_and_end: tuple[str, int], *args: Any) -> tuple[_Located, int]:
        obj, end = json.decoder.JSONObject(s_and_end, *args)
        located = _Located(obj)
        located.line = bisect.bisect_left(self._newlines, s_and_end[1]) + 1
        return located, end


def json_read(path: Path) -> Any:
    text = read_text(path)
    try:
        return _LineDecoder(text).decode(text)
    except json.JSONDecodeError as error:
        raise DataFileError(path, error.lineno, f"not valid JSON: {error.msg}") from None


def line_of(value: Any) -> int | None:
    return getattr(value, "line", None) or None


@dataclass(frozen=True)
class Fields:
    """One record of a data file: typed reads that fail with the file, the line and the key."""

    path: Path
    data: dict
    where: str  # the record's name in messages, e.g. "feature 3"

    @classmethod
    def of(cls, path: Path, value: Any, where: str, *, line: int | None = None) -> "Fields":
        if not isinstance(value, dict):
            raise DataFileError(path, line, f"{where}: expected an object {{...}}")
        return cls(path, value, where)

    def error(self, message: str, key: str | None = None) -> DataFileError:
        what = f'{self.where}, "{key}"' if key else self.where
        return DataFileError(self.path, line_of(self.data), f"{what}: {message}")

    def only(self, *keys: str) -> "Fields":
        """Refuse keys the loader would silently ignore (usually a typing mistake)."""
        for key in self.data:
            if key not in keys:
                raise self.error(f"unknown key (expected {', '.join(keys)})", key)
        return self

    def value(self, key: str, *, default: Any = ...) -> Any:
        if key in self.data:
            return self.data[key]
        if default is ...:
            raise self.error("missing", key)
        return default

    def text(self, key: str, *, default: Any = ..., blank: bool = False) -> str:
        value = self.value(key, default=default)
        if not isinstance(value, str) or not (blank or value.strip()):
            raise self.error("expected a non-empty text", key)
        return value

    def optional_text(self, key: str) -> str | None:
        if self.value(key, default=None) is None:
            return None
        return self.text(key)

    def choice(self, key: str, allowed: list[str], *, what: str) -> str:
        value = self.value(key)
        if not isinstance(value, str) or value not in allowed:
            raise self.error(f'unknown {what} "{value}" (expected {", ".join(allowed)})', key)
        return value

    def integer(self, key: str, *, minimum: int, maximum: int) -> int:
        value = self.value(key)
        if type(value) is not int or not minimum <= value <= maximum:
            raise self.error(f"expected a whole number from {minimum} to {maximum}", key)
        return value

    def texts(self, key: str, *, default: Any = ...) -> list[str]:
        values = self.value(key, default=default)
        if not isinstance(values, list) or not all(isinstance(v, str) and v for v in values):
            raise self.error("expected a list of texts", key)
        return values

    def languages(self, key: str) -> dict[str, str]:
        """A text in each language: {"fi": ..., "sv": ..., "en": ...}."""
        record = Fields.of(self.path, self.value(key), f"{self.where}, {key}")
        record.only(*LANGUAGES)
        return {language: record.text(language) for language in LANGUAGES}

    def records(self, key: str, *, default: Any = ...) -> list["Fields"]:
        values = self.value(key, default=default)
        if not isinstance(values, list):
            raise self.error("expected a list of objects", key)
        where = f"{self.where}, {key}"
        return [
            Fields.of(self.path, v, f"{where}[{i}]", line=line_of(self.data))
            for i, v in enumerate(values)
        ]


def records_read(path: Path) -> list[Fields]:
    """A JSON file holding a list of objects."""
    data = json_read(path)
    if not isinstance(data, list):
        raise DataFileError(path, 1, "expected a list [...] of records")
    return [Fields.of(path, value, f"record {index}", line=1) for index, value in enumerate(data)]


@dataclass(frozen=True)
class Feature:
    properties: Fields
    geometry: GEOSGeometry
    geometry_fields: Fields  # the geometry object as written, for errors at its line

    def geometry_error(self, message: str) -> DataFileError:
        return self.geometry_fields.error(message, "geometry")


def features_read(path: Path, *, types: tuple[str, ...]) -> list[Feature]:
    """The features of a GeoJSON FeatureCollection, each geometry valid and of one of `types`."""
    data = json_read(path)
    if not isinstance(data, dict) or data.get("type") != "FeatureCollection":
        raise DataFileError(path, 1, 'expected a GeoJSON object with "type": "FeatureCollection"')
    if not isinstance(data.get("features"), list):
        raise DataFileError(path, line_of(data), 'expected a "features" list')
    features = []
    for index, value in enumerate(data["features"]):
        feature = Fields.of(path, value, f"feature {index}", line=line_of(data))
        feature.only("type", "properties", "geometry", "id")
        if feature.value("type") != "Feature":
            raise feature.error('expected "Feature"', "type")
        properties = Fields.of(path, feature.value("properties"), f"feature {index}")
        where = Fields.of(path, feature.value("geometry"), feature.where, line=line_of(value))
        features.append(Feature(properties, _geometry(where, types), where))
    return features


def _geometry(where: Fields, types: tuple[str, ...]) -> GEOSGeometry:
    value = where.data
    try:
        geometry = geometry_from_geojson(value)
    except ValidationError:
        raise where.error("not a valid GeoJSON geometry", "geometry") from None
    if geometry.geom_type not in types:
        raise where.error(f"a {geometry.geom_type} here; expected {', '.join(types)}", "geometry")
    if not geometry.valid:
        raise where.error(f"invalid geometry ({geometry.valid_reason})", "geometry")
    return geometry
