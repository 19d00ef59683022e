"""Forms of organisations and pilots: they parse; toolkit.pilots.services holds the rules."""

from django import forms
from django.contrib.gis.geos import GEOSGeometry
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from engagement.common.forms import AccessibleFormMixin, MultipleFileField, form_id
from engagement.moderation.services import Status
from engagement.participation.selectors import (
    campaign_by_slug,
    campaigns_all,
    contributions_public,
)
from geo.services import geometry_from_geojson, point_from_lon_lat
from toolkit.models import Organisation, Phase, Pilot
from toolkit.pilots.selectors import method_cards_published, place_choices
from toolkit.pilots.services import OUTCOMES, MeasurePlan
from toolkit.pilots.steps import StepPlan

MEASURE_ROWS = 3
STEP_ROWS = 3


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
    """A pilot proposal. The place is drawn on the map (GeoJSON in `geometry`), or, without the
    map, one of the campaign's places or sub-areas, or GeoJSON typed; measures and steps come in
    rows; the contributions are those ticked among the chosen and the suggested ones."""

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
        error_messages={"invalid_choice": _("Choose public contributions of this campaign.")},
    )
    geometry = forms.CharField(
        label=_("The place as GeoJSON"),
        required=False,
        max_length=200_000,
        widget=forms.Textarea(attrs={"rows": 3, "spellcheck": "false"}),
        help_text=_(
            "Filled when you draw on the map. Without the map, choose a place above, or paste "
            'a GeoJSON geometry, e.g. {"type": "Point", "coordinates": [23.63, 61.5]}.'
        ),
    )
    place = forms.ChoiceField(label=_("Or choose a place or a sub-area"), required=False)
    lat = forms.FloatField(required=False, widget=forms.HiddenInput, localize=True)
    lon = forms.FloatField(required=False, widget=forms.HiddenInput, localize=True)
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
    method_cards = forms.ModelMultipleChoiceField(
        label=_("Method cards you plan to use"),
        required=False,
        queryset=method_cards_published(),
        widget=forms.CheckboxSelectMultiple,
    )
    planned_methods = forms.CharField(
        label=_("Other methods you plan to use"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
    )

    def __init__(self, *args, organisations, campaign=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
        slug = self.data.get("campaign") if self.is_bound else self.initial.get("campaign")
        self.campaign = campaign_by_slug(slug=slug) if slug else campaign
        self.place_geometries = {}
        choices = [("", _("(drawn on the map or typed below)"))]
        if self.campaign is not None:
            self.fields["contributions"].queryset = contributions_public(
                campaign=self.campaign
            ).order_by("-supports_count", "-created_at")
            for value, label, geometry in place_choices(campaign=self.campaign):
                choices.append((value, label))
                self.place_geometries[value] = geometry
        self.fields["place"].choices = choices
        for i in range(MEASURE_ROWS):
            self.fields[f"measure_{i}_name"] = forms.CharField(label=_("Measure"), required=False)
            self.fields[f"measure_{i}_unit"] = forms.CharField(label=_("Unit"), required=False)
            self.fields[f"measure_{i}_target"] = forms.CharField(label=_("Target"), required=False)
        for i in range(STEP_ROWS):
            self.fields[f"step_{i}_title"] = forms.CharField(
                label=_("Step"), required=False, max_length=160
            )
            self.fields[f"step_{i}_phase"] = forms.ChoiceField(
                label=_("Phase"),
                required=False,
                choices=[("", _("(the card's phase)")), *Phase.choices],
            )
            self.fields[f"step_{i}_card"] = forms.ModelChoiceField(
                label=_("Method card"),
                required=False,
                queryset=method_cards_published(),
                empty_label=_("(no card)"),
            )

    def measure_rows(self) -> list[tuple]:
        return [
            (self[f"measure_{i}_name"], self[f"measure_{i}_unit"], self[f"measure_{i}_target"])
            for i in range(MEASURE_ROWS)
        ]

    def step_rows(self) -> list[tuple]:
        return [
            (self[f"step_{i}_title"], self[f"step_{i}_phase"], self[f"step_{i}_card"])
            for i in range(STEP_ROWS)
        ]

    def chosen_contributions(self) -> list:
        """The contributions ticked (or preselected), for the list the page always shows."""
        field = self["contributions"]
        values = {str(v) for v in (field.value() or [])}
        if not values:
            return []
        return list(
            self.fields["contributions"].queryset.filter(
                pk__in=[i for v in values if (i := form_id(v))]
            )
        )

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

    def steps(self) -> list[StepPlan]:
        data = self.cleaned_data
        return [
            StepPlan(
                data.get(f"step_{i}_title", ""),
                data.get(f"step_{i}_phase") or (card.phase if card else ""),
                card,
            )
            for i in range(STEP_ROWS)
            for card in [data.get(f"step_{i}_card")]
        ]

    def drawn_place(self) -> GEOSGeometry | None:
        """The place drawn or typed, else the place chosen from the list; a typed geometry
        that cannot be read is an error on `geometry` (the text stays in the field)."""
        data = self.cleaned_data
        try:
            if data.get("geometry"):
                return geometry_from_geojson(data["geometry"])
            if data.get("place") in self.place_geometries:
                return self.place_geometries[data["place"]]
            if data.get("lat") is not None and data.get("lon") is not None:
                return point_from_lon_lat(lon=data["lon"], lat=data["lat"])
        except ValidationError as error:
            self.add_error("geometry", error)
        return None

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        steps = self.steps()
        cards = list(data.get("method_cards") or [])
        cards += [s.method_card for s in steps if s.method_card and s.method_card not in cards]
        return {
            "title": data.get("title", ""),
            "hypothesis": data.get("hypothesis", ""),
            "geometry": self.drawn_place(),
            "contributions": list(data.get("contributions") or []),
            "starts_on": data.get("starts_on"),
            "ends_on": data.get("ends_on"),
            "measures": self.measures(),
            "asks": data.get("asks", ""),
            "planned_methods": data.get("planned_methods", ""),
            "method_cards": cards,
            "steps": steps,
        }

    @classmethod
    def initial_for(cls, pilot: Pilot) -> dict:
        initial = {
            "organisation": pilot.organisation_id,
            "campaign": pilot.campaign.slug,
            "title": pilot.title,
            "hypothesis": pilot.hypothesis,
            "contributions": list(pilot.contributions.values_list("pk", flat=True)),
            "geometry": pilot.geometry.geojson,
            "starts_on": pilot.starts_on,
            "ends_on": pilot.ends_on,
            "asks": pilot.asks,
            "planned_methods": pilot.planned_methods,
            "method_cards": list(pilot.method_cards.values_list("pk", flat=True)),
        }
        for i, m in enumerate(pilot.measures.all()[:MEASURE_ROWS]):
            initial.update(
                {
                    f"measure_{i}_name": m.name,
                    f"measure_{i}_unit": m.unit,
                    f"measure_{i}_target": m.target,
                }
            )
        for i, step in enumerate(pilot.steps.all()[:STEP_ROWS]):
            initial.update(
                {
                    f"step_{i}_title": step.title,
                    f"step_{i}_phase": step.phase,
                    f"step_{i}_card": step.method_card_id,
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


class ApiKeyForm(AccessibleFormMixin, forms.Form):
    """A new integration key of one of the member's organisations (the rules are the service's)."""

    organisation = forms.ModelChoiceField(
        label=_("Organisation"), queryset=Organisation.objects.none(), empty_label=None
    )
    name = forms.CharField(
        label=_("Name of the key"),
        max_length=200,
        required=False,
        help_text=_("Which system uses it, e.g. “Feedback app”. Only your organisation sees it."),
    )

    def __init__(self, *args, organisations=None, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.fields["organisation"].queryset = organisations
