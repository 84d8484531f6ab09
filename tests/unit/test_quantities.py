import pytest

from catalog.quantities import parse_fraction, parse_quantity


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("5000", 5000),
        ("50k", 50_000),
        ("2M", 2_000_000),
        ("$1,500", 1500),
        ("1.5 million", 1.5e6),
        ("10 thousand", 10_000),
        ("3bn", 3e9),
        (".5k", 500),
    ],
)
def test_quantities_people_type_are_understood(text: str, expected: float) -> None:
    assert parse_quantity(text) == expected


@pytest.mark.parametrize("text", ["abc", "", "5 apples", "-3", "1,50"])
def test_nonsense_quantities_are_refused_with_a_hint(text: str) -> None:
    with pytest.raises(ValueError, match="for example 5000"):
        parse_quantity(text)


def test_fractions_accept_decimals_and_percentages() -> None:
    assert parse_fraction("0.3") == 0.3
    assert parse_fraction("30%") == pytest.approx(0.3)
    with pytest.raises(ValueError, match=r"outside 0\.\.1"):
        parse_fraction("130%")


def test_money_never_reads_zero_or_scientific_for_a_real_cost():
    from catalog.display import money

    assert money(0.0000123) == "$0.000012"
    assert money(0.0042) == "$0.0042"
    assert money(0.5) == "$0.50"
    assert money(1234.4) == "$1,234"
    assert money(0) == "$0.00"
    assert money(-250) == "-$250"


@pytest.mark.parametrize("text", ["-100", "-5k", " -2M"])
def test_a_negative_figure_is_said_to_be_below_zero_not_to_be_no_number(text):
    with pytest.raises(ValueError, match="below zero"):
        parse_quantity(text)
