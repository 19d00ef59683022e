"""The kiosk's form: the campaign page's, less what a shared screen should not ask."""

from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.participation.forms import ContributionForm


class KioskForm(ContributionForm):
    """A point from the map (its latitude and longitude in hidden fields), a theme chosen with
    big buttons, a title and a description. No photos (a library's screen has no camera, and a
    file picker would open the device's own files), no drawn routes or areas, and the location
    always at the centre of its 100 m square (decision 0048)."""

    theme = forms.ModelChoiceField(
        label=_("Theme"),
        queryset=None,
        widget=forms.RadioSelect,
        required=False,
        to_field_name="slug",
    )

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("photos", "exact_location_public"):
            del self.fields[name]
        for name in ("lat", "lon"):  # written by the script, in decimal points in every language
            self.fields[name].widget = forms.HiddenInput()
            self.fields[name].localize = False
        for name in ("title", "body"):
            self.fields[name].widget.attrs.update(autocomplete="off", spellcheck="true")
        self.fields["body"].widget.attrs["rows"] = 4
        # The page's order, which the error summary follows: the pin, the choices, the texts.
        self.order_fields(["geometry", "lat", "lon", "theme", "kind", "title", "body"])

    def _parse_geometry(self, data: dict):
        """The point from the hidden latitude and longitude only; `geometry` holds its errors."""
        return super()._parse_geometry({**data, "geometry": ""})

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "kind": data.get("kind"),
            "theme": data.get("theme"),
            "title": data.get("title"),
            "body": data.get("body"),
            "geometry": data.get("geometry"),
        }
