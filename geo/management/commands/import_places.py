"""Import the gazetteer (address points, streets, place names) that the map's search finds and
contributions' place descriptions name."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from geo.management.importing import (
    import_file_arguments_add,
    import_file_layer,
    import_file_path,
)
from geo.models import Place
from geo.place_import import MAPPING_ROLES, places_import, places_mapping_parse


class Command(BaseCommand):
    help = (
        "Create or update (by source and id) a place for every feature of a GeoJSON, GeoPackage "
        "or Shapefile, reprojected to WGS 84. The whole file is checked before anything is "
        "written. Afterwards run `manage.py places_describe` so contributions name the new places."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A .geojson/.json, .gpkg, .shp or zipped Shapefile.")
        parser.add_argument(
            "--map",
            required=True,
            metavar="ROLE=FIELD,...",
            help=(
                f"Which attribute fills which role ({', '.join(MAPPING_ROLES)}), e.g. "
                "name=katunimi_suomi,name_sv=katunimi_ruotsi,number=osoitenumero,id=gml_id. "
                "Without id, a place is matched on its kind and Finnish name."
            ),
        )
        parser.add_argument(
            "--kind",
            default=Place.Kind.ADDRESS,
            choices=Place.Kind.values,
            help="The kind of places without a kind attribute. Default: address.",
        )
        parser.add_argument(
            "--source",
            default="",
            help="The name of the source the ids belong to. Default: the file's name.",
        )
        parser.add_argument(
            "--approximate", action="store_true", help="Mark the places as drawn approximately."
        )
        parser.add_argument(
            "--skip-invalid",
            action="store_true",
            help="Import the good features and list the bad ones instead of refusing the file.",
        )
        import_file_arguments_add(parser)

    def handle(self, *args, **options) -> None:
        path = import_file_path(options)
        try:
            report = places_import(
                path=str(path),
                mapping=places_mapping_parse(options["map"]),
                kind=options["kind"],
                source=options["source"],
                approximate=options["approximate"],
                layer=import_file_layer(options),
                skip_invalid=options["skip_invalid"],
            )
        except ValidationError as error:
            raise CommandError("\n".join(error.messages)) from None
        self.stdout.write(
            _("Places created: %(created)d, updated: %(updated)d.")
            % {"created": report.created, "updated": report.updated}
        )
        for number, reason in report.skipped:
            self.stdout.write(
                self.style.WARNING(
                    _("Feature %(number)d skipped: %(reason)s")
                    % {"number": number, "reason": reason}
                )
            )
