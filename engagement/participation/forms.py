"""Residents' forms: they parse; the services hold the rules."""

import uuid

from django import forms
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from engagement.common.forms import (
    AccessibleFormMixin,
    HoneypotMixin,
    MultipleFileField,
    choice_filter,
)
from engagement.models import AccessibilityFeedback, Campaign, Contribution
from engagement.participation.selectors import ContributionFilters, Sort
from geo.services import geometry_from_geojson, point_from_lon_lat


class ContributionForm(AccessibleFormMixin, HoneypotMixin, forms.Form):
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
    exact_location_public = forms.BooleanField(
        label=_("Show the exact location publicly"),
        required=False,
        help_text=_(
            "Otherwise others see your pin at the centre of its 100 m square, so that a pin at "
            "your home does not reveal the address."
        ),
    )
    photos = MultipleFileField(
        label=_("Photos (optional)"),
        required=False,
        help_text=_("Up to 5 JPEG, PNG or WebP photos, 10 MB each. Location data is removed."),
    )
    # Generated when the form is shown, so a double click or a resent form stores one contribution.
    idempotency_key = forms.UUIDField(required=False, widget=forms.HiddenInput)
    # A walk session's code (engagement/walks/): `?walk=CODE` fills it in.
    walk_code = forms.CharField(
        label=_("Walk code"),
        required=False,
        widget=forms.TextInput(
            attrs={"autocomplete": "off", "autocapitalize": "characters", "spellcheck": "false"}
        ),
        help_text=_("The code your walk's facilitator gave you, for example K7QX4M."),
    )

    def __init__(self, *args, campaign: Campaign, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("idempotency_key", uuid.uuid4())
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
            for key in ("kind", "theme", "title", "body", "geometry", "exact_location_public")
        }


class ContributionEditForm(ContributionForm):
    """The author's edit: the same fields less photos and the submission bookkeeping."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        for name in ("photos", "idempotency_key", "website", "walk_code"):
            del self.fields[name]


class CommentForm(AccessibleFormMixin, HoneypotMixin, forms.Form):
    body = forms.CharField(
        label=_("Your comment"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": 3000}),
    )
    parent = forms.IntegerField(required=False, widget=forms.HiddenInput)
    idempotency_key = forms.UUIDField(required=False, widget=forms.HiddenInput)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("initial", {}).setdefault("idempotency_key", uuid.uuid4())
        super().__init__(*args, **kwargs)


class AccountDeleteForm(AccessibleFormMixin, forms.Form):
    remove_contributions = forms.BooleanField(
        label=_("Also remove my contributions and comments"),
        required=False,
        help_text=_("Otherwise they stay on the map without your name."),
    )
    confirm = forms.BooleanField(label=_("I understand that this cannot be undone"))


class ListFilterForm(forms.Form):
    """Filters of the campaign's map and list, kept in the URL so a view can be shared."""

    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    kind = choice_filter(_("Kind"), _("All kinds"), Contribution.Kind.choices)
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    status = choice_filter(_("Status"), _("All statuses"), Contribution.Status.choices)
    sort = forms.ChoiceField(label=_("Order"), required=False, choices=Sort.choices)

    def __init__(self, *args, campaign: Campaign, **kwargs) -> None:
        kwargs.setdefault("auto_id", "id_filter_%s")
        super().__init__(*args, **kwargs)
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *((theme.slug, theme.name) for theme in campaign.themes.all()),
        ]

    def filters(self, campaign: Campaign) -> ContributionFilters:
        """The valid filters; an invalid value is dropped rather than failing the page."""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return ContributionFilters(
            campaign=campaign,
            q=data.get("q") or None,
            kind=data.get("kind") or None,
            theme=data.get("theme") or None,
            status=data.get("status") or None,
            sort=data.get("sort") or Sort.NEWEST,
        )


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
