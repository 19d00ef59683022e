"""The neighbours' rating form: it parses; toolkit.pilots.evaluation holds the rules."""

from django import forms
from django.utils.translation import gettext_lazy as _

from engagement.common.forms import AccessibleFormMixin
from toolkit.pilots.evaluation import COMMENT_MAX, rating_parse

RATINGS = [
    ("1", _("1 (poor)")),
    ("2", "2"),
    ("3", "3"),
    ("4", "4"),
    ("5", _("5 (very good)")),
]


class EvaluationForm(AccessibleFormMixin, forms.Form):
    """Any text is accepted here, so a refusal (0, 6, "x") comes from the service with the
    comment kept."""

    rating = forms.CharField(
        label=_("Your rating from 1 to 5"),
        required=False,
        widget=forms.RadioSelect(choices=RATINGS),
    )
    comment = forms.CharField(
        label=_("Comment (optional)"),
        required=False,
        strip=False,
        widget=forms.Textarea(attrs={"rows": 4, "maxlength": COMMENT_MAX}),
        help_text=_(
            "What works, what does not, what you would change. The organisers and the city's "
            "officials read it; it is not published with your name."
        ),
    )

    def rating_value(self) -> int | None:
        return rating_parse(self.cleaned_data.get("rating"))
