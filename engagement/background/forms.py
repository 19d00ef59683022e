"""The residents' background questions and the analysts' population form."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from engagement.models.background import (
    DECLINED,
    AgeGroup,
    PopulationBase,
    Question,
    Relation,
    postal_code_validator,
)

DECLINE_LABEL = _("Prefer not to say")


class BackgroundForm(forms.Form):
    """Only the campaign's questions, none required; each has "prefer not to say"."""

    age_group = forms.ChoiceField(
        label=_("Your age group"),
        required=False,
        widget=forms.RadioSelect,
        choices=[("", _("No answer")), *AgeGroup.choices, (DECLINED, DECLINE_LABEL)],
    )
    postal_code = forms.CharField(
        label=_("Your home postal code"),
        help_text=_("Five digits, such as 33310."),
        required=False,
        max_length=5,
        widget=forms.TextInput(
            attrs={"inputmode": "numeric", "autocomplete": "postal-code", "size": 6}
        ),
    )
    postal_declined = forms.BooleanField(label=DECLINE_LABEL, required=False)
    relations = forms.MultipleChoiceField(
        label=_("Your relation to the area"),
        help_text=_("Choose all that apply."),
        required=False,
        widget=forms.CheckboxSelectMultiple,
        choices=[*Relation.choices, (DECLINED, DECLINE_LABEL)],
    )

    def __init__(self, *args, questions: list[str], **kwargs) -> None:
        super().__init__(*args, **kwargs)
        if Question.AGE_GROUP not in questions:
            del self.fields["age_group"]
        if Question.POSTAL_AREA not in questions:
            del self.fields["postal_code"], self.fields["postal_declined"]
        if Question.RELATION not in questions:
            del self.fields["relations"]

    def clean_postal_code(self) -> str:
        code = self.cleaned_data["postal_code"].strip()
        if code:
            postal_code_validator(code)
        return code

    def service_kwargs(self) -> dict:
        data = self.cleaned_data
        postal = DECLINED if data.get("postal_declined") else data.get("postal_code", "")
        return {
            "age_group": data.get("age_group", ""),
            "postal_code": postal,
            "relations": data.get("relations", []),
        }

    @staticmethod
    def initial_from(answer) -> dict:
        if answer is None:
            return {}
        declined = answer.postal_code == DECLINED
        return {
            "age_group": answer.age_group,
            "postal_code": "" if declined else answer.postal_code,
            "postal_declined": declined,
            "relations": answer.relations,
        }


class PopulationForm(forms.Form):
    """One question's population: count or share per group, with its source and year."""

    measure = forms.ChoiceField(
        label=_("Values are"),
        choices=PopulationBase.Measure.choices,
        widget=forms.RadioSelect,
        initial=PopulationBase.Measure.COUNT,
    )
    source = forms.CharField(
        label=_("Source"),
        max_length=300,
        help_text=_("For example: Statistics Finland, population by postal code area"),
    )
    year = forms.IntegerField(label=_("Year"), min_value=1900, max_value=2100)

    def __init__(self, *args, question: str, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.question = question
        if question == Question.AGE_GROUP:
            for value, label in AgeGroup.choices:
                self.fields[f"group_{value}"] = forms.DecimalField(
                    label=label, required=False, min_value=0, max_digits=12, decimal_places=2
                )
        else:
            self.fields["groups"] = forms.CharField(
                label=_("Postal areas and values"),
                help_text=_("One a line: the postal code and its value, such as “33310 6200”."),
                widget=forms.Textarea(attrs={"rows": 6, "cols": 24}),
            )
        if not self.is_bound:
            self.fields["year"].initial = timezone.localdate().year - 1

    def group_fields(self) -> list:
        return [self[name] for name in self.fields if name.startswith("group_")]

    def clean(self) -> dict:
        data = super().clean()
        values: dict[str, Decimal] = {}
        if self.question == Question.AGE_GROUP:
            for value in AgeGroup.values:
                if data.get(f"group_{value}") is not None:
                    values[value] = data[f"group_{value}"]
        else:
            for number, line in enumerate((data.get("groups") or "").splitlines(), start=1):
                if not line.strip():
                    continue
                parts = line.replace(";", " ").replace("\t", " ").split()
                try:
                    code, amount = parts[0], Decimal(parts[1].replace(",", "."))
                    postal_code_validator(code)
                    if amount < 0 or len(parts) != 2 or not amount.is_finite():
                        raise ValueError
                    if amount >= Decimal(10) ** 10:
                        raise ValueError
                except (IndexError, ValueError, InvalidOperation, forms.ValidationError):
                    self.add_error(
                        "groups",
                        _("Line %(number)d: write a postal code and a number.")
                        % {"number": number},
                    )
                    continue
                values[code] = amount
        if not values and not self.errors:
            raise forms.ValidationError(_("Enter a value for at least one group."))
        if data.get("measure") == PopulationBase.Measure.SHARE and sum(values.values()) > 100:
            raise forms.ValidationError(_("Shares add up to more than 100 %."))
        data["values"] = values
        return data
