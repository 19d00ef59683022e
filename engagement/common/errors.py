"""The one collector of a service's refusals: messages per field, raised together; and the
one shape of a single refusal."""

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError


def refusal_error(
    message: str, code: str, field: str = NON_FIELD_ERRORS, params: dict | None = None
) -> ValidationError:
    """One refusal under one field (by default a general one, shown on top of a form and as
    non_field_errors by the API); `params` carry facts a door may use (a rate limit's
    `retry_after` in seconds)."""
    return ValidationError({field: ValidationError(message, code=code, params=params)})


class Errors:
    """Collects messages per field so a form or the API shows every problem at once."""

    def __init__(self) -> None:
        self.by_field: dict[str, list[ValidationError]] = {}

    def __bool__(self) -> bool:
        return bool(self.by_field)

    def __contains__(self, field: str) -> bool:
        return field in self.by_field

    def add(
        self, field: str, message: str, code: str = "invalid", params: dict | None = None
    ) -> None:
        self.by_field.setdefault(field, []).append(
            ValidationError(message, code=code, params=params)
        )

    def check_length(
        self, field: str, text: str, bounds: tuple[int, int], message: str, code: str
    ) -> None:
        """Refuses `text` outside `bounds` (min, max characters) with `message`, which names
        %(min)d, %(max)d and %(count)d: "Write a title of 3 to 120 characters (now 2)"."""
        low, high = bounds
        if not low <= len(text) <= high:
            self.add(field, message, code, {"min": low, "max": high, "count": len(text)})

    def extend(self, field: str, error: ValidationError) -> None:
        """Adds another validator's refusal (geometry, photos, business ID) under one field."""
        self.by_field.setdefault(field, []).extend(error.error_list)

    def raise_if_any(self) -> None:
        if self.by_field:
            raise ValidationError(self.by_field)
