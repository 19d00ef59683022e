"""Validation of Finnish identifiers."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

BUSINESS_ID = re.compile(r"(\d{6,7})-(\d)", re.ASCII)
WEIGHTS = (7, 9, 10, 5, 8, 4, 2)


def business_id_is_valid(value: str) -> bool:
    """A Finnish business ID (Y-tunnus): seven digits, a hyphen and a check digit.

    The check digit is 11 minus the weighted sum mod 11 (weights 7, 9, 10, 5, 8, 4, 2), 0 when
    the remainder is 0; a remainder of 1 is never issued. Old six-digit IDs take a leading zero.
    """
    match = BUSINESS_ID.fullmatch(value or "")
    if not match:
        return False
    digits = match.group(1).zfill(7)
    remainder = sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11
    if remainder == 1:
        return False
    check = 0 if remainder == 0 else 11 - remainder
    return check == int(match.group(2))


def validate_business_id(value: str) -> None:
    if value and not business_id_is_valid(value):
        raise ValidationError(
            _("This is not a valid business ID (Y-tunnus), e.g. 1572860-0."), code="business_id"
        )
