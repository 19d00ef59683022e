"""Import area boundaries from the GeoJSON, GeoPackage or Shapefile a city publishes."""

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils.translation import gettext as _

from geo.management.importing import (
    import_file_arguments_add,
    import_file_layer,
    import_file_path,
)
from geo.models import Area
from geo.services import areas_import


class Command(BaseCommand):
    help = (
        "Create or update (by slug) an area for every polygon of a GeoJSON, GeoPackage or "
        "Shapefile (also zipped), reprojected to WGS 84 and repaired where invalid."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("file", help="A .geojson/.json, .gpkg, .shp or zipped Shapefile.")
        parser.add_argument(
            "--name-field", required=True, metavar="NAME", help="The attribute with the name."
        )
        parser.add_argument("--parent", metavar="SLUG", help="The slug of the parent area.")
        parser.add_argument(
            "--kind",
            default=Area.Kind.DISTRICT,
            choices=Area.Kind.values,
            help="Default: district.",
        )
        parser.add_argument(
            "--slug-field",
            metavar="FIELD",
            help="The attribute with the slug; without it slugs are made from names.",
        )
        import_file_arguments_add(parser)

    def handle(self, *args, **options) -> None:
        path = import_file_path(options)
        parent = None
        if options["parent"]:
            parent = Area.objects.filter(slug=options["parent"]).first()
            if parent is None:
                raise CommandError(
                    _("There is no area with the slug %(slug)s.") % {"slug": options["parent"]}
                )
        try:
            report = areas_import(
                path=str(path),
                name_field=options["name_field"],
                kind=options["kind"],
                parent=parent,
                slug_field=options["slug_field"],
                layer=import_file_layer(options),
            )
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from None
        self.stdout.write(
            _("Areas created: %(created)d, updated: %(updated)d.")
            % {"created": len(report.created), "updated": len(report.updated)}
        )
        for number, reason in report.refused:
            self.stdout.write(
                self.style.WARNING(
                    _("Feature %(number)d refused: %(reason)s")
                    % {"number": number, "reason": reason}
                )
            )
