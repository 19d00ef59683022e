"""Forms of the moderation pages: they parse; engagement.moderation holds the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.common.forms import AccessibleFormMixin, choice_filter
from engagement.models import Contribution, HiddenReason, Theme
from engagement.moderation.routing_forms import queue_sort_field, queue_unit_field

HIDE_REASONS = [("", _("Choose a reason")), *HiddenReason.choices]


class QueueFilterForm(forms.Form):
    campaign = forms.ModelChoiceField(
        label=_("Campaign"),
        required=False,
        queryset=None,
        empty_label=_("All my campaigns"),
        to_field_name="slug",
    )
    theme = forms.ChoiceField(label=_("Theme"), required=False)
    kind = choice_filter(_("Kind"), _("All kinds"), Contribution.Kind.choices)
    state = choice_filter(_("State"), _("Needs attention"), Contribution.ModerationState.choices)
    q = forms.CharField(label=_("Search"), required=False, max_length=200)
    flagged = forms.BooleanField(label=_("Flagged only"), required=False)

    def __init__(self, *args, campaigns, **kwargs) -> None:
        kwargs.setdefault("auto_id", "id_queue_%s")
        super().__init__(*args, **kwargs)
        self.fields["campaign"].queryset = campaigns
        themes = Theme.objects.filter(campaign__in=campaigns).select_related("campaign")
        # The officials' desk (decision 0030): by city unit, and the order.
        self.fields["unit"] = queue_unit_field(campaigns)
        self.fields["sort"] = queue_sort_field()
        self.fields["theme"].choices = [
            ("", _("All themes")),
            *sorted({(t.slug, t.name) for t in themes}, key=lambda choice: choice[1]),
        ]


class RespondForm(AccessibleFormMixin, forms.Form):
    status = forms.ChoiceField(label=_("Public status"), choices=Contribution.Status.choices)
    text = forms.CharField(
        label=_("Public answer"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 5}),
        help_text=_("Shown on the contribution's page and e-mailed to its author and followers."),
    )


class CorrectForm(AccessibleFormMixin, forms.Form):
    title = forms.CharField(label=_("Title"), required=False)
    body = forms.CharField(label=_("Description"), required=False, widget=forms.Textarea)
    note = forms.CharField(label=_("What was corrected (for the log)"), required=False)

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "correct")
        super().__init__(*args, **kwargs)


class DuplicateForm(AccessibleFormMixin, forms.Form):
    original = forms.ModelChoiceField(label=_("Original contribution"), queryset=None)

    def __init__(self, *args, contribution: Contribution, **kwargs) -> None:
        kwargs.setdefault("prefix", "duplicate")
        super().__init__(*args, **kwargs)
        self.fields["original"].queryset = Contribution.objects.filter(
            campaign=contribution.campaign,
            moderation_state=Contribution.ModerationState.PUBLISHED,
            duplicate_of=None,
        ).exclude(pk=contribution.pk)


class BlockForm(AccessibleFormMixin, forms.Form):
    reason = forms.CharField(label=_("Why (for the log)"), widget=forms.Textarea(attrs={"rows": 2}))

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault("prefix", "block")
        super().__init__(*args, **kwargs)


class FlagForm(forms.Form):
    """A resident's report of a contribution or a comment. It only parses: flag_add refuses a
    missing reason and a comment that is not on the contribution."""

    reason = forms.CharField(required=False)
    text = forms.CharField(required=False)
    comment = forms.IntegerField(required=False)
