"""Parsing of the facilitator's form; walk_session_start holds the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.common.forms import AccessibleFormMixin


class WalkStartForm(AccessibleFormMixin, forms.Form):
    title = forms.CharField(
        label=_("Title of the walk"),
        required=False,
        strip=False,
        widget=forms.TextInput(attrs={"maxlength": 120, "autocomplete": "off"}),
        help_text=_("For example “Tesoma station walk”. Participants see it when they join."),
    )
