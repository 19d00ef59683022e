"""Numbers in the reader's language: "520", "4,4 / 5" in fi and sv, "4.4 / 5" in en."""

from decimal import Decimal

import pytest
from django.utils import translation

from toolkit.pilots.numbers import number_text, quantity_text, rating_text

NBSP = "\u00a0"


@pytest.mark.parametrize(
    ("language", "value", "unit", "text"),
    [
        ("fi", Decimal("520.00"), "m²", f"520{NBSP}m²"),
        ("en", Decimal("520.00"), "m²", f"520{NBSP}m²"),
        ("fi", Decimal("131.50"), "people", f"131,5{NBSP}people"),
        ("sv", Decimal("0.25"), "%", f"0,25{NBSP}%"),
        ("en", Decimal("131.50"), "people", f"131.5{NBSP}people"),
        ("fi", Decimal("4.40"), "1-5", f"4,4{NBSP}/{NBSP}5"),
        ("en", Decimal("4.00"), "1\u20135", f"4{NBSP}/{NBSP}5"),
        ("fi", None, "people", "\u2013"),
        ("fi", Decimal("1200"), "", "1200"),
    ],
)
def test_quantities(language, value, unit, text):
    with translation.override(language):
        assert quantity_text(value, unit) == text


@pytest.mark.parametrize(
    ("language", "text"),
    [("fi", f"4,4{NBSP}/{NBSP}5"), ("sv", f"4,4{NBSP}/{NBSP}5"), ("en", f"4.4{NBSP}/{NBSP}5")],
)
def test_ratings(language, text):
    with translation.override(language):
        assert rating_text(4.4333) == text
        assert number_text("not a number") == "not a number"
