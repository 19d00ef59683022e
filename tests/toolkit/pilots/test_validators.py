"""The Finnish business ID (Y-tunnus): format and check digit."""

import pytest
from django.core.exceptions import ValidationError

from toolkit.pilots.validators import WEIGHTS, business_id_is_valid, validate_business_id

pytestmark = pytest.mark.django_db


def remainder(digits: str) -> int:
    return sum(int(d) * w for d, w in zip(digits, WEIGHTS, strict=True)) % 11


def first_number_with_remainder_one() -> str:
    return next(f"{n:07d}" for n in range(1_000_000, 10_000_000) if remainder(f"{n:07d}") == 1)


@pytest.mark.parametrize("value", ["1572860-0", "0737546-2", "2617416-4"])
def test_seven_digit_ids_with_their_check_digit_are_valid(value):
    assert business_id_is_valid(value)
    validate_business_id(value)


def test_an_old_six_digit_id_is_read_with_a_leading_zero():
    assert business_id_is_valid("737546-2")
    assert business_id_is_valid("737546-2") == business_id_is_valid("0737546-2")


@pytest.mark.parametrize("value", ["1572860-1", "1572860-9", "0737546-3"])
def test_a_wrong_check_digit_is_invalid(value):
    assert not business_id_is_valid(value)
    with pytest.raises(ValidationError) as error:
        validate_business_id(value)
    assert error.value.code == "business_id"


def test_numbers_whose_remainder_is_one_are_never_issued():
    digits = first_number_with_remainder_one()
    # No check digit can make such a number valid: 11 - 1 = 10 is not a digit.
    assert not any(business_id_is_valid(f"{digits}-{check}") for check in range(10))


@pytest.mark.parametrize(
    "value",
    ["157286A-0", "1572860-A", "FI15728600", "15728600", "1572860 0", "1572860--0", "57286-0"],
)
def test_letters_a_missing_hyphen_or_a_wrong_length_are_invalid(value):
    assert not business_id_is_valid(value)
    with pytest.raises(ValidationError):
        validate_business_id(value)


def test_an_empty_id_is_allowed_but_not_valid():
    # Organisations without a business ID leave the field empty.
    assert not business_id_is_valid("")
    validate_business_id("")


@pytest.mark.parametrize(
    "value", ["737546-2\n", "\u0661\u0665\u0667\u0662\u0668\u0666\u0660-\u0660"]
)
def test_a_trailing_newline_or_non_ascii_digits_are_invalid(value):
    assert not business_id_is_valid(value)
