"""A small Mapbox Vector Tile (protobuf, spec 2.1) decoder for the tests: layers, features,
their properties and geometry in tile coordinates, and back to longitude and latitude."""

import math
import struct


def _varint(data: bytes, i: int) -> tuple[int, int]:
    shift = result = 0
    while True:
        byte = data[i]
        i += 1
        result |= (byte & 0x7F) << shift
        if not byte & 0x80:
            return result, i
        shift += 7


def _fields(data: bytes):
    """(field number, wire type, value) of a message: ints for varints, bytes otherwise."""
    i = 0
    while i < len(data):
        key, i = _varint(data, i)
        number, wire = key >> 3, key & 7
        if wire == 0:
            value, i = _varint(data, i)
        elif wire == 2:
            length, i = _varint(data, i)
            value, i = data[i : i + length], i + length
        elif wire == 1:
            value, i = data[i : i + 8], i + 8
        elif wire == 5:
            value, i = data[i : i + 4], i + 4
        else:
            raise ValueError(f"wire type {wire}")
        yield number, wire, value


def _packed(data: bytes) -> list[int]:
    values, i = [], 0
    while i < len(data):
        value, i = _varint(data, i)
        values.append(value)
    return values


def _zigzag(n: int) -> int:
    return (n >> 1) ^ -(n & 1)


def _value(data: bytes):
    for number, _, value in _fields(data):
        if number == 1:
            return value.decode()
        if number == 2:
            return struct.unpack("<f", value)[0]
        if number == 3:
            return struct.unpack("<d", value)[0]
        if number in (4, 5):
            return value
        if number == 6:
            return _zigzag(value)
        if number == 7:
            return bool(value)
    return None


def _geometry(commands: list[int]) -> list[list[tuple[int, int]]]:
    """The geometry's parts (points, a line, a ring) as lists of tile coordinates."""
    parts: list[list[tuple[int, int]]] = []
    x = y = i = 0
    while i < len(commands):
        command, count = commands[i] & 7, commands[i] >> 3
        i += 1
        if command == 7:  # ClosePath
            continue
        for _ in range(count):
            x += _zigzag(commands[i])
            y += _zigzag(commands[i + 1])
            i += 2
            if command == 1:
                parts.append([])
            parts[-1].append((x, y))
    return parts


GEOMETRY_TYPES = {1: "Point", 2: "LineString", 3: "Polygon"}


def decode(tile: bytes) -> dict[str, dict]:
    """{layer name: {"extent": n, "features": [{"type", "properties", "parts"}]}}."""
    layers = {}
    for number, _, layer_bytes in _fields(tile):
        if number != 3:
            continue
        name, extent, keys, values, raw_features = "", 4096, [], [], []
        for field, _, value in _fields(layer_bytes):
            if field == 1:
                name = value.decode()
            elif field == 2:
                raw_features.append(value)
            elif field == 3:
                keys.append(value.decode())
            elif field == 4:
                values.append(_value(value))
            elif field == 5:
                extent = value
        features = []
        for raw in raw_features:
            feature = {"type": None, "properties": {}, "parts": []}
            for field, _, value in _fields(raw):
                if field == 2:
                    tags = _packed(value)
                    for k, v in zip(tags[::2], tags[1::2], strict=True):
                        feature["properties"][keys[k]] = values[v]
                elif field == 3:
                    feature["type"] = GEOMETRY_TYPES.get(value)
                elif field == 4:
                    feature["parts"] = _geometry(_packed(value))
            features.append(feature)
        layers[name] = {"extent": extent, "features": features}
    return layers


def tile_for(lon: float, lat: float, z: int) -> tuple[int, int]:
    """The x, y of the tile at zoom z holding the point."""
    n = 2**z
    x = int((lon + 180) / 360 * n)
    y = int((1 - math.asinh(math.tan(math.radians(lat))) / math.pi) / 2 * n)
    return x, y


def to_lonlat(z: int, x: int, y: int, px: float, py: float, extent: int) -> tuple[float, float]:
    """Tile coordinates of tile z/x/y back to longitude and latitude."""
    n = 2**z
    lon = (x + px / extent) / n * 360 - 180
    lat = math.degrees(math.atan(math.sinh(math.pi * (1 - 2 * (y + py / extent) / n))))
    return lon, lat
