"""JSON written by PostgreSQL as plain text concatenation, for the GeoJSON features.

`jsonb_build_object` builds a binary value and prints it again, and `json_build_object` looks up
the type of every argument in every row: together about 20 µs a feature at 5,000 features. Here
the keys and punctuation are constant text, numbers and PostGIS's GeoJSON are written as they
are, and only text values go through `to_json` (which escapes them), so a feature costs a few
string concatenations (decision 0026, "The map API's page").
"""

import json

from django.db.models import Expression, F, Func, TextField, Value
from django.db.models.functions import Cast

JSONMember = Expression | str


class TextJoin(Func):
    """Text pieces joined with `||` (NULL if any piece is: every piece here is never NULL)."""

    arg_joiner = " || "
    template = "(%(expressions)s)"
    output_field = TextField()


class JSONValue(Func):
    """A value as JSON text (`to_json`, which escapes strings); NULL as `null`."""

    template = "COALESCE(to_json(%(expressions)s)::text, 'null')"
    output_field = TextField()


def json_number(expression: Expression | str) -> Cast:
    """An integer column as JSON text (never NULL)."""
    return Cast(F(expression) if isinstance(expression, str) else expression, TextField())


def json_string_around(prefix: str, number: str, suffix: str) -> list[JSONMember]:
    """A JSON string of an integer column between constants, e.g. a URL with an id."""
    return [json.dumps(prefix)[:-1], json_number(number), json.dumps(suffix)[1:]]


def json_object_text(members: dict[str, JSONMember | list[JSONMember]]) -> TextJoin:
    """A JSON object, in the given key order, from members that are each JSON text: an
    expression (JSONValue, json_number, GeoJSON), a list of them to be joined, or a constant
    string already in JSON (a nested object's text is built with this function too)."""
    pieces: list[JSONMember] = []
    for index, (key, value) in enumerate(members.items()):
        pieces.append(("{" if index == 0 else ",") + json.dumps(key) + ":")
        pieces.extend(value if isinstance(value, list) else [value])
    pieces.append("}")
    return TextJoin(*_merged(pieces))


def _merged(pieces: list) -> list[Expression]:
    """Adjacent constants as one, nested joins flattened: fewer concatenations per row."""
    flat: list = []
    for piece in pieces:
        if isinstance(piece, TextJoin):
            flat.extend(piece.source_expressions)
        else:
            flat.append(piece)
    merged: list = []
    for piece in flat:
        if isinstance(piece, Value) and isinstance(piece.value, str):
            piece = piece.value
        if isinstance(piece, str) and merged and isinstance(merged[-1], str):
            merged[-1] += piece
        else:
            merged.append(piece)
    return [Value(p, output_field=TextField()) if isinstance(p, str) else p for p in merged]
