"""Forms of organisations and pilots: they parse; toolkit.pilots.services holds the rules."""

from django import forms
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from engagement.common.forms import AccessibleFormMixin, MultipleFileField
from engagement.moderation.services import Status
from engagement.participation.selectors import (
    campaign_by_slug,
    campaigns_all,
    contributions_public,
)
from geo.services import geometry_from_geojson, point_from_lon_lat
from toolkit.models import Organisation, Pilot
from toolkit.pilots.services import OUTCOMES, MeasurePlan

MEASURE_ROWS = 3


class OrganisationForm(AccessibleFormMixin, forms.Form):
    name = forms.CharField(label=_("Name"), max_length=200, required=False)
    kind = forms.ChoiceField(label=_("Type"), choices=Organisation.Kind.choices)
    business_id = forms.CharField(
        label=_("Business ID (Y-tunnus)"),
        required=False,
        max_length=9,
        help_text=_("For example 1572860-0. Leave empty if the organisation has none."),
    )
    members = forms.CharField(
        label=_("Other members' e-mail addresses (optional)"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("One per line. They need an account here first."),
    )


class PilotForm(AccessibleFormMixin, forms.Form):
    """A pilot proposal. The place is a point (or drawn GeoJSON); measures come in rows."""

    organisation = forms.ModelChoiceField(label=_("Organisation"), queryset=None)
    campaign = forms.ModelChoiceField(
        label=_("Campaign"), queryset=campaigns_all(), to_field_name="slug"
    )
    title = forms.CharField(label=_("Title"), required=False, max_length=160)
    hypothesis = forms.CharField(
        label=_("Hypothesis"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("If we …, then …"),
    )
    contributions = forms.ModelMultipleChoiceField(
        label=_("The residents' contributions it answers"),
        required=False,
        queryset=contributions_public().none(),
        widget=forms.CheckboxSelectMultiple,
    )
    lat = forms.FloatField(label=_("Latitude"), required=False, localize=True)
    lon = forms.FloatField(label=_("Longitude"), required=False, localize=True)
    geometry = forms.CharField(required=False, widget=forms.HiddenInput)
    starts_on = forms.DateField(
        label=_("Starts on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    ends_on = forms.DateField(
        label=_("Ends on"), required=False, widget=forms.DateInput(attrs={"type": "date"})
    )
    asks = forms.CharField(
        label=_("What you ask of the city"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Space, permits, communication, money."),
    )
    planned_methods = forms.CharField(
        label=_("Toolkit methods you plan to use"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, organisations, campaign=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        slug = self.data.get("campaign") if self.is_bound else None
        campaign = campaign or campaign_by_slug(slug=slug)
        if campaign is not None:
            self.fields["contributions"].queryset = contributions_public(
                campaign=campaign
            ).order_by("-created_at")
        for i in range(MEASURE_ROWS):
            self.fields[f"measure_{i}_name"] = forms.CharField(label=_("Measure"), required=False)
            self.fields[f"measure_{i}_unit"] = forms.CharField(label=_("Unit"), required=False)
            self.fields[f"measure_{i}_target"] = forms.CharField(label=_("Target"), required=False)

    def measure_rows(self) -> list[tuple]:
        return [
            (self[f"measure_{i}_name"], self[f"measure_{i}_unit"], self[f"measure_{i}_target"])
            for i in range(MEASURE_ROWS)
        ]

    def measures(self) -> list[MeasurePlan]:
        data = self.cleaned_data
        return [
            MeasurePlan(
                data.get(f"measure_{i}_name", ""),
                data.get(f"measure_{i}_unit", ""),
                data.get(f"measure_{i}_target") or None,
            )
            for i in range(MEASURE_ROWS)
        ]

    def place(self) -> GEOSGeometry | None:
        data = self.cleaned_data
        try:
            if data.get("geometry"):
                return geometry_from_geojson(data["geometry"])
            if data.get("lat") is not None and data.get("lon") is not None:
                return point_from_lon_lat(lon=data["lon"], lat=data["lat"])
        except ValidationError as error:
            self.add_error("geometry", error)
        return None

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        return {
            "title": data.get("title", ""),
            "hypothesis": data.get("hypothesis", ""),
            "geometry": self.place(),
            "contributions": list(data.get("contributions") or []),
            "starts_on": data.get("starts_on"),
            "ends_on": data.get("ends_on"),
            "measures": self.measures(),
            "asks": data.get("asks", ""),
            "planned_methods": data.get("planned_methods", ""),
            "method_cards": list(data.get("method_cards") or []),
        }

    @classmethod
    def initial_for(cls, pilot: Pilot) -> dict:
        initial = {
            "organisation": pilot.organisation_id,
            "campaign": pilot.campaign.slug,
            "title": pilot.title,
            "hypothesis": pilot.hypothesis,
            "contributions": list(pilot.contributions.values_list("pk", flat=True)),
            "starts_on": pilot.starts_on,
            "ends_on": pilot.ends_on,
            "asks": pilot.asks,
            "planned_methods": pilot.planned_methods,
            "method_cards": list(pilot.method_cards.values_list("pk", flat=True)),
        }
        if pilot.geometry.geom_type == "Point":
            initial.update(lat=pilot.geometry.y, lon=pilot.geometry.x)
        else:
            initial["geometry"] = pilot.geometry.geojson
        for i, m in enumerate(pilot.measures.all()[:MEASURE_ROWS]):
            initial.update(
                {
                    f"measure_{i}_name": m.name,
                    f"measure_{i}_unit": m.unit,
                    f"measure_{i}_target": m.target,
                }
            )
        return initial


class ReviewForm(forms.Form):
    decision = forms.ChoiceField(
        label=_("Decision"),
        choices=[
            ("approve", _("Approve")),
            ("request_changes", _("Ask for changes")),
            ("decline", _("Decline")),
        ],
        widget=forms.RadioSelect,
    )
    reason = forms.CharField(
        label=_("Public reason"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Required when asking for changes or declining."),
    )


class ReportForm(AccessibleFormMixin, forms.Form):
    narrative = forms.CharField(
        label=_("What happened"), required=False, widget=forms.Textarea(attrs={"rows": 5})
    )
    next_step = forms.ChoiceField(
        label=_("What next"), choices=Pilot.NextStep.choices, widget=forms.RadioSelect
    )
    outcome = forms.ChoiceField(
        label=_("Outcome for the contributions it answers"),
        choices=[(s, Status(s).label) for s in OUTCOMES],
    )
    photos = MultipleFileField(label=_("Photos (optional)"), required=False)

    def __init__(self, *args, pilot: Pilot, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.pilot_measures = list(pilot.measures.all())
        for m in self.pilot_measures:
            self.fields[f"actual_{m.pk}"] = forms.CharField(
                label=_("%(measure)s: actual (%(unit)s), target %(target)s")
                % {"measure": m.name, "unit": m.unit, "target": m.target},
                required=False,
            )

    def actuals(self) -> dict[int, str]:
        return {m.pk: self.cleaned_data.get(f"actual_{m.pk}") for m in self.pilot_measures}


class FeedbackForm(forms.Form):
    rating = forms.TypedChoiceField(
        label=_("Your rating"),
        coerce=int,
        choices=[(i, str(i)) for i in range(1, 6)],
        widget=forms.RadioSelect,
    )
    comment = forms.CharField(
        label=_("Comment (optional)"), required=False, widget=forms.Textarea(attrs={"rows": 3})
    )
