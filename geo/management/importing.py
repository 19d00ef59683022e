"""What the import commands (import_areas, import_places) ask of a file alike: which file and
which of its layers. One place, so both refuse a missing file and read a layer the same way."""

from pathlib import Path

from django.core.management.base import CommandError, CommandParser
from django.utils.translation import gettext as _


def import_file_arguments_add(parser: CommandParser) -> None:
    """The `--layer` option both commands take."""
    parser.add_argument(
        "--layer",
        default="0",
        metavar="NAME_OR_INDEX",
        help="The layer's name or index counting from 0. Default: the first layer.",
    )


def import_file_path(options: dict) -> Path:
    """The file to read, or a refusal when there is none."""
    path = Path(options["file"])
    if not path.is_file():
        raise CommandError(_("There is no file %(path)s.") % {"path": path})
    return path


def import_file_layer(options: dict) -> int | str:
    """The layer by index when `--layer` is a number, else by name."""
    layer = options["layer"]
    return int(layer) if layer.isdigit() else layer
