"""HTML forms: they parse what a browser sends; the rules live in services."""

from django import forms
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from geo.services import geometry_from_geojson, point_from_lon_lat

from .models import AccessibilityFeedback, Campaign, Contribution


class AccessibleFormMixin:
    """Links each widget to its help and error elements and marks invalid fields for assistive tech.

    Templates render errors in `error-<name>` and help in `help-<name>` (engagement/_field.html).
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            ids = [f"help-{name}"] if field.help_text else []
            field.widget.attrs["aria-describedby"] = " ".join([*ids, f"error-{name}"])

    def add_error(self, field, error) -> None:
        super().add_error(field, error)
        for name in self.errors:
            if name in self.fields:
                self.fields[name].widget.attrs["aria-invalid"] = "true"


class ContributionForm(AccessibleFormMixin, forms.Form):
    """A resident's idea or need. The location is a point from the map or typed coordinates.

    Fields are optional here so that contribution_submit, which owns the rules, reports every
    missing or wrong value at once; the form only parses.
    """

    kind = forms.ChoiceField(
        label=_("Is it an idea or a need?"),
        choices=Contribution.Kind.choices,
        widget=forms.RadioSelect,
        initial=Contribution.Kind.IDEA,
        required=False,
    )
    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=None,
        empty_label=_("Choose a theme"),
        required=False,
        to_field_name="slug",
    )
    title = forms.CharField(
        label=_("Title"),
        strip=False,
        required=False,
        widget=forms.TextInput(attrs={"maxlength": 120, "autocomplete": "off"}),
        help_text=_("3 to 120 characters."),
    )
    body = forms.CharField(
        label=_("Description"),
        strip=False,
        required=False,
        widget=forms.Textarea(attrs={"rows": 5, "maxlength": 5000}),
        help_text=_("What should change, and why? At most 5,000 characters."),
    )
    lat = forms.FloatField(
        label=_("Latitude"),
        required=False,
        localize=True,  # accepts a decimal comma, as Finnish and Swedish write it
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    lon = forms.FloatField(
        label=_("Longitude"),
        required=False,
        localize=True,
        widget=forms.TextInput(attrs={"inputmode": "decimal", "autocomplete": "off"}),
    )
    # GeoJSON of a drawn geometry; when empty the point comes from lat and lon.
    geometry = forms.CharField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, campaign: Campaign, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.campaign = campaign
        for name in ("lat", "lon"):
            self.fields[name].widget.attrs["aria-describedby"] = "help-location error-geometry"
        self.fields["theme"].queryset = campaign.themes.all()
        self.fields["theme"].error_messages["invalid_choice"] = _(
            "Choose one of this campaign's themes."
        )

    def clean(self) -> dict:
        data = super().clean()
        data["geometry"] = self._parse_geometry(data)
        return data

    def _parse_geometry(self, data: dict) -> GEOSGeometry | None:
        text = data.get("geometry") or ""
        if text:
            try:
                return geometry_from_geojson(text)
            except ValidationError as error:
                self.add_error("geometry", error)
                return None
        lat, lon = data.get("lat"), data.get("lon")
        if lat is None and lon is None:
            return None
        if lat is None or lon is None:
            self.add_error("geometry", _("Give both latitude and longitude."))
            return None
        try:
            return point_from_lon_lat(lon=lon, lat=lat)
        except ValidationError as error:
            self.add_error("geometry", error)
            return None

    def service_kwargs(self) -> dict:
        """The cleaned values under the names of contribution_submit's parameters."""
        return {
            key: self.cleaned_data.get(key)
            for key in ("kind", "theme", "title", "body", "geometry")
        }


class AccessibilityFeedbackForm(AccessibleFormMixin, forms.ModelForm):
    class Meta:
        model = AccessibilityFeedback
        fields = ["message", "email", "page_url"]
        labels = {
            "message": _("What did not work, and where?"),
            "email": _("Your e-mail address, if you want an answer (optional)"),
            "page_url": _("Address of the page (optional)"),
        }
        widgets = {"message": forms.Textarea(attrs={"rows": 6})}
