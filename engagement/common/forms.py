"""Form pieces every context uses: accessible errors, a honeypot, several files, refusals."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _


def add_service_errors(form: forms.Form, error: ValidationError) -> None:
    """Show a service's or a parser's refusal on a form: messages on their field where the
    form has it, the others on top of the form. An unbound form (one that only displays
    values parsed elsewhere) takes them too."""
    if not form.is_bound and not hasattr(form, "cleaned_data"):
        form.cleaned_data = {}  # add_error expects it; an unbound form never cleans
    for field, messages in error.message_dict.items():
        form.add_error(field if field in form.fields else None, messages)


# PostgreSQL's bigint, the type of every id.
MAX_ID = 2**63 - 1


def form_id(value: object) -> int | None:
    """The row id a form field names, or None when the text is not one (not digits, or beyond
    the database's bigint): a lookup by such text raised ValueError, a 500."""
    text = str(value if value is not None else "").strip()
    if not (text.isascii() and text.isdigit()) or len(text) > len(str(MAX_ID)):
        return None
    number = int(text)
    return number if 0 < number <= MAX_ID else None


def service_error_text(error: ValidationError) -> str:
    """A refusal as one line, for a page message where no form shows it."""
    return " ".join(error.messages)


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


def choice_filter(label: str, everything: str, choices) -> forms.ChoiceField:
    """A filter control whose first, empty choice means no filter ("All kinds")."""
    return forms.ChoiceField(label=label, required=False, choices=[("", everything), *choices])


class MultipleFileInput(forms.ClearableFileInput):
    allow_multiple_selected = True


class MultipleFileField(forms.FileField):
    """Several files under one name; the service checks what they really are."""

    def __init__(self, *args, **kwargs) -> None:
        kwargs.setdefault(
            "widget", MultipleFileInput(attrs={"accept": "image/jpeg,image/png,image/webp"})
        )
        super().__init__(*args, **kwargs)

    def clean(self, data, initial=None) -> list:
        if not data:
            return []
        return list(data) if isinstance(data, list | tuple) else [data]


class HoneypotMixin(forms.Form):
    """A field people never see nor fill; naive bots fill every field."""

    website = forms.CharField(
        required=False,
        label=_("Leave this field empty"),
        widget=forms.TextInput(attrs={"autocomplete": "off", "tabindex": "-1"}),
    )
