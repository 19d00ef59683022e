"""Forms of the officials' desk: the queue's unit filter and sort, a contribution's unit, a
note. They parse; engagement.moderation.routing_services holds the rules."""

from django import forms
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy as _

from engagement.common.forms import AccessibleFormMixin
from engagement.models import Campaign
from engagement.moderation.routing_selectors import UNASSIGNED, units_for_campaigns

SORTS = [
    ("oldest", _("Oldest first")),
    ("newest", _("Newest first")),
    ("deadline", _("Deadline first")),
    ("flagged", _("Flagged first")),
]


def queue_unit_field(campaigns: QuerySet[Campaign]) -> forms.ChoiceField:
    """The queue's filter by unit: every unit of the moderator's campaigns, or unassigned."""
    units = units_for_campaigns(campaigns).order_by("name", "id")
    return forms.ChoiceField(
        label=_("City unit"),
        required=False,
        choices=[
            ("", _("All units")),
            *((str(u.pk), u.name) for u in units),
            (UNASSIGNED, _("No unit (unassigned)")),
        ],
    )


def queue_sort_field() -> forms.ChoiceField:
    return forms.ChoiceField(label=_("Order"), required=False, choices=SORTS)


class UnitForm(AccessibleFormMixin, forms.Form):
    unit = forms.ModelChoiceField(
        label=_("City unit"),
        required=False,
        queryset=None,
        empty_label=_("No unit (unassigned)"),
        help_text=_("Routed on arrival by theme and area; a change here is logged."),
    )

    def __init__(self, *args, units, **kwargs) -> None:
        kwargs.setdefault("prefix", "unit")
        super().__init__(*args, **kwargs)
        self.fields["unit"].queryset = units


class InternalNoteForm(AccessibleFormMixin, forms.Form):
    # Not "body" nor "note": the correction form on the same page has those, and the help and
    # error elements are named after the field.
    internal_note = forms.CharField(
        label=_("Internal note"),
        max_length=3000,
        widget=forms.Textarea(attrs={"rows": 3}),
        help_text=_("Only the officials who moderate this campaign see it. Never public."),
    )

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "note")
        super().__init__(*args, **kwargs)
