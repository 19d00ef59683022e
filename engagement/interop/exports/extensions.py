"""What apps above engagement add to the exports, without engagement importing them.

The exports carry the relation from a contribution to the pilots that answer it, but the pilots
live in toolkit, which builds on engagement. As for the pages (`participation/extensions.py`,
docs/decisions/0009), toolkit registers in its `AppConfig.ready()`:

- an `ExportColumn`: a list of ids per contribution, read once per export as (contribution id,
  id) pairs, a column of every format (`"12;15"` in CSV and GeoPackage, a JSON list in
  GeoJSON);
- an `ExportLayer`: a GeoPackage feature layer of rows related to the exported contributions
  (the pilots answering them), with its own R-tree index;
- an `ExportTable`: a GeoPackage attribute table (the contribution-pilot links).

Each registration gives its own queryset of public rows only: hidden means hidden there too
(docs/decisions/0043). Without the toolkit installed, the exports simply have no pilots.
"""

from collections.abc import Callable, Sequence
from dataclasses import dataclass

from django.db.models import QuerySet

# A GeoPackage column: its name and SQLite type (TEXT, INTEGER, DATE, DATETIME, ...).
Columns = Sequence[tuple[str, str]]


@dataclass(frozen=True)
class ExportColumn:
    name: str
    # the exported contributions (a queryset of "pk") -> (contribution id, id) tuples, ordered.
    pairs: Callable[[QuerySet], QuerySet]


@dataclass(frozen=True)
class ExportLayer:
    name: str
    description: Callable[[], str]
    columns: Columns
    # (the exported contributions as a queryset of "pk", the site's root "https://host") -> a
    # queryset whose "geometry" is the shape and whose `values_list(*values)` gives the columns.
    rows: Callable[[QuerySet, str], QuerySet]
    values: Sequence[str]


@dataclass(frozen=True)
class ExportTable:
    name: str
    description: Callable[[], str]
    columns: Columns
    # the exported contributions (a queryset of "pk") -> tuples of values in `columns` order.
    rows: Callable[[QuerySet], QuerySet]


_columns: dict[str, ExportColumn] = {}
_layers: dict[str, ExportLayer] = {}
_tables: dict[str, ExportTable] = {}


def register_export_column(column: ExportColumn) -> None:
    """A column of every export, after the contribution's own; again by name replaces it."""
    _columns[column.name] = column


def register_export_layer(layer: ExportLayer) -> None:
    """A feature layer of the GeoPackage export."""
    _layers[layer.name] = layer


def register_export_table(table: ExportTable) -> None:
    """An attribute table of the GeoPackage export."""
    _tables[table.name] = table


def export_columns() -> list[ExportColumn]:
    return list(_columns.values())


def export_layers() -> list[ExportLayer]:
    return list(_layers.values())


def export_tables() -> list[ExportTable]:
    return list(_tables.values())
