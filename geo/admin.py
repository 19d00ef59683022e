import tempfile
from pathlib import Path

from django import forms
from django.contrib import admin, messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.uploadedfile import UploadedFile
from django.core.validators import FileExtensionValidator
from django.http import HttpRequest, HttpResponse
from django.template.response import TemplateResponse
from django.urls import URLPattern, path
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext
from leaflet.admin import LeafletGeoAdminMixin
from modeltranslation.admin import TranslationAdmin

from geo.models import Area, Place
from geo.services import ImportReport, areas_import

# What an administrator can upload: the suffix decides nothing (the service reads the content),
# but it keeps an unrelated file from being sent by mistake.
UPLOAD_SUFFIXES = ["geojson", "json", "gpkg", "zip"]
MAX_UPLOAD_MEGABYTES = 100


class AreaImportForm(forms.Form):
    required_css_class = "required"

    file = forms.FileField(
        label=gettext_lazy("File"),
        help_text=gettext_lazy(
            "GeoJSON (.geojson, .json), GeoPackage (.gpkg) or a Shapefile in a .zip file."
        ),
        validators=[FileExtensionValidator(UPLOAD_SUFFIXES)],
    )
    name_field = forms.CharField(
        label=gettext_lazy("Name field"),
        max_length=100,
        help_text=gettext_lazy("The attribute that holds each area's name in Finnish."),
    )
    slug_field = forms.CharField(
        label=gettext_lazy("Slug field"),
        max_length=100,
        required=False,
        help_text=gettext_lazy(
            "The attribute that holds each area's slug. Leave empty to make slugs from names."
        ),
    )
    kind = forms.ChoiceField(
        label=capfirst(Area._meta.get_field("kind").verbose_name),
        choices=Area.Kind.choices,
        initial=Area.Kind.DISTRICT,
    )
    parent = forms.ModelChoiceField(
        label=capfirst(Area._meta.get_field("parent").verbose_name),
        queryset=Area.objects.all(),
        required=False,
    )
    layer = forms.CharField(
        label=gettext_lazy("Layer"),
        max_length=200,
        required=False,
        help_text=gettext_lazy(
            "The layer's name or number (counting from 0) in a GeoPackage. "
            "Leave empty to read the first layer."
        ),
    )

    def clean_file(self) -> UploadedFile:
        upload = self.cleaned_data["file"]
        if upload.size > MAX_UPLOAD_MEGABYTES * 1024 * 1024:
            raise ValidationError(
                _("The file is larger than %(max)d MB."),
                code="too_large",
                params={"max": MAX_UPLOAD_MEGABYTES},
            )
        return upload

    def clean_layer(self) -> str | int:
        layer = self.cleaned_data["layer"].strip()
        return int(layer) if layer.isdigit() else layer or 0


@admin.register(Area)
class AreaAdmin(LeafletGeoAdminMixin, TranslationAdmin):
    list_display = ["name", "kind", "parent", "slug"]
    list_filter = ["kind"]
    prepopulated_fields = {"slug": ("name",)}

    def get_urls(self) -> list[URLPattern]:
        info = self.opts.app_label, self.opts.model_name
        import_url = path(
            "import/",
            self.admin_site.admin_view(self.import_view),
            name="{}_{}_import".format(*info),
        )
        # Before the model's own URLs, whose "<path:object_id>/" would take "import/".
        return [import_url, *super().get_urls()]

    def has_import_permission(self, request: HttpRequest) -> bool:
        """Importing creates areas and rewrites existing ones, so it takes both rights."""
        return self.has_add_permission(request) and self.has_change_permission(request)

    def changelist_view(
        self, request: HttpRequest, extra_context: dict | None = None
    ) -> HttpResponse:
        extra_context = {
            **(extra_context or {}),
            "has_import_permission": self.has_import_permission(request),
        }
        return super().changelist_view(request, extra_context=extra_context)

    def import_view(self, request: HttpRequest) -> HttpResponse:
        """Upload a boundary file and import its features as areas; the report is shown."""
        if not self.has_import_permission(request):
            raise PermissionDenied
        report = None
        if request.method == "POST":
            form = AreaImportForm(request.POST, request.FILES)
        else:
            form = AreaImportForm()
        if form.is_bound and form.is_valid():
            try:
                report = self._import_upload(form.cleaned_data)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                self._report_messages(request, report)
        context = {
            **self.admin_site.each_context(request),
            "title": _("Import areas"),
            "opts": self.opts,
            "form": form,
            "report": report,
        }
        return TemplateResponse(request, "admin/geo/area/import.html", context)

    def _import_upload(self, data: dict) -> ImportReport:
        upload = data["file"]
        with tempfile.TemporaryDirectory(prefix="areas-upload-") as directory:
            # The upload's own name never reaches the file system, only its checked suffix.
            target = Path(directory) / ("upload" + Path(upload.name).suffix.lower())
            with target.open("wb") as file:
                for chunk in upload.chunks():
                    file.write(chunk)
            return areas_import(
                path=str(target),
                name_field=data["name_field"].strip(),
                slug_field=data["slug_field"].strip() or None,
                kind=data["kind"],
                parent=data["parent"],
                layer=data["layer"],
            )

    def _report_messages(self, request: HttpRequest, report: ImportReport) -> None:
        messages.success(
            request,
            _("Areas created: %(created)d, updated: %(updated)d.")
            % {"created": len(report.created), "updated": len(report.updated)},
        )
        if report.refused:
            count = len(report.refused)
            messages.warning(
                request,
                ngettext(
                    "%(count)d feature was refused; the reasons are listed below.",
                    "%(count)d features were refused; the reasons are listed below.",
                    count,
                )
                % {"count": count},
            )


@admin.register(Place)
class PlaceAdmin(LeafletGeoAdminMixin, TranslationAdmin):
    """The gazetteer, for correcting a name; files are imported with `manage.py import_places`."""

    list_display = ("name", "kind", "source", "approximate")
    list_filter = ("kind", "source", "approximate")
    search_fields = ("name_fi", "name_sv", "source_id")
    exclude = ("point",)
