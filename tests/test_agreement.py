"""Inter-coder agreement against published worked examples and hand-checked edge cases."""

import math

import pytest

from helpers.agreement import (
    agreement_summary, coincidence_matrix, cohen_kappa, cohen_kappa_parts, count_table, fleiss_kappa,
    fleiss_kappa_from_counts, krippendorff_alpha, percent_agreement,
)

# Cohen's kappa, the worked example of the Wikipedia article "Cohen's kappa":
# 50 grant proposals, A and B both "yes" 20 times, both "no" 15 times,
# A "yes" / B "no" 5 times, A "no" / B "yes" 10 times  ->  p_o = 0.7, p_e = 0.5, kappa = 0.4.
COHEN_A = ["yes"] * 20 + ["yes"] * 5 + ["no"] * 10 + ["no"] * 15
COHEN_B = ["yes"] * 20 + ["no"] * 5 + ["yes"] * 10 + ["no"] * 15

# Fleiss' kappa, the worked example of the Wikipedia article "Fleiss' kappa":
# 10 subjects, 14 raters, 5 categories  ->  P_bar = 0.378, P_e = 0.213, kappa = 0.210.
FLEISS_COUNTS = [
    [0, 0, 0, 0, 14], [0, 2, 6, 4, 2], [0, 0, 3, 5, 6], [0, 3, 9, 2, 0], [2, 2, 8, 1, 1],
    [7, 7, 0, 0, 0], [3, 2, 6, 3, 0], [2, 5, 3, 2, 2], [6, 5, 2, 1, 0], [0, 2, 2, 3, 7],
]

# Krippendorff (2011), "Computing Krippendorff's Alpha-Reliability", the example with
# missing data: 4 observers, 12 units (None = not coded).  Published values:
# nominal 0.743, ordinal 0.815, interval 0.849, ratio 0.797.
N = None
KRIPPENDORFF_MISSING = [
    [1, 2, 3, 3, 2, 1, 4, 1, 2, N, N, N],
    [1, 2, 3, 3, 2, 2, 4, 1, 2, 5, N, 3],
    [N, 3, 3, 3, 2, 3, 4, 2, 2, 5, 1, N],
    [1, 2, 3, 3, 2, 4, 4, 1, 2, 5, 1, N],
]
# Krippendorff (2011), the binary example: 2 observers, 10 units -> alpha 0.095.
KRIPPENDORFF_BINARY = [
    [0, 1, 0, 0, 0, 0, 0, 0, 1, 0],
    [1, 1, 1, 0, 0, 1, 0, 0, 0, 0],
]


def test_cohen_kappa_wikipedia_example():
    parts = cohen_kappa_parts(COHEN_A, COHEN_B)
    assert parts["n"] == 50
    assert parts["p_o"] == pytest.approx(0.7)
    assert parts["p_e"] == pytest.approx(0.5)
    assert parts["kappa"] == pytest.approx(0.4)
    assert cohen_kappa(COHEN_B, COHEN_A) == pytest.approx(0.4)  # symmetric


def test_percent_agreement_two_and_three_coders():
    assert percent_agreement(COHEN_A, COHEN_B) == pytest.approx(0.7)
    a, b, c = ["x", "y", "x", "x"], ["x", "y", "y", "x"], ["x", "x", "x", "x"]
    assert percent_agreement(a, b, c) == pytest.approx(2 / 4)
    assert percent_agreement([a, b, c]) == pytest.approx(2 / 4)
    assert percent_agreement({"ana": a, "ben": b}) == pytest.approx(3 / 4)


def test_fleiss_kappa_wikipedia_example():
    assert fleiss_kappa_from_counts(FLEISS_COUNTS) == pytest.approx(0.2099, abs=1e-4)
    assert round(fleiss_kappa_from_counts(FLEISS_COUNTS), 3) == 0.210


def test_fleiss_kappa_from_codings_matches_counts():
    # Rebuild 14 coders' lists from the counts table: same kappa.
    coders = [[] for _ in range(14)]
    for row in FLEISS_COUNTS:
        answers = [category for category, n in enumerate(row, start=1) for _ in range(n)]
        for coder, answer in zip(coders, answers):
            coder.append(answer)
    counts, categories = count_table(coders)
    assert categories == [1, 2, 3, 4, 5]
    assert counts.tolist() == FLEISS_COUNTS
    assert fleiss_kappa(coders) == pytest.approx(fleiss_kappa_from_counts(FLEISS_COUNTS))


@pytest.mark.parametrize("level, published", [
    ("nominal", 0.743), ("ordinal", 0.815), ("interval", 0.849), ("ratio", 0.797),
])
def test_krippendorff_alpha_published_example_with_missing_data(level, published):
    assert round(krippendorff_alpha(KRIPPENDORFF_MISSING, level), 3) == published


def test_krippendorff_alpha_binary_example():
    assert round(krippendorff_alpha(KRIPPENDORFF_BINARY), 3) == 0.095


def test_coincidence_matrix_of_the_published_example():
    # Krippendorff (2011) reports the nominal coincidence matrix with n = 40 pairable values
    # (unit 12 has one value only and drops out); its first row is 7, 4/3, 1/3, 1/3, 0.
    matrix, values = coincidence_matrix(KRIPPENDORFF_MISSING)
    assert values == [1, 2, 3, 4, 5]
    assert matrix.sum() == pytest.approx(40)
    assert matrix.sum(axis=1).tolist() == pytest.approx([9, 13, 10, 5, 3])
    assert matrix[0].tolist() == pytest.approx([7, 4 / 3, 1 / 3, 1 / 3, 0])
    assert (matrix == matrix.T).all()


def test_perfect_agreement_is_one():
    a = ["yes", "no", "no", "yes", "no"]
    assert cohen_kappa(a, list(a)) == 1.0
    assert fleiss_kappa([a, a, a]) == pytest.approx(1.0)
    assert krippendorff_alpha([a, a, a]) == pytest.approx(1.0)
    assert percent_agreement(a, a) == 1.0


def test_single_category_is_undefined_not_perfect():
    only_no = ["no"] * 6
    assert percent_agreement(only_no, only_no) == 1.0
    assert math.isnan(cohen_kappa(only_no, only_no))
    assert math.isnan(fleiss_kappa([only_no] * 3))
    assert math.isnan(krippendorff_alpha([only_no] * 3))


def test_systematic_disagreement_is_below_zero():
    a = ["yes", "no"] * 5
    b = ["no", "yes"] * 5
    assert cohen_kappa(a, b) == pytest.approx(-1.0)
    assert krippendorff_alpha([a, b]) < 0


def test_missing_answers():
    a = ["yes", None, "no", "yes", float("nan")]
    b = ["yes", "no", "no", None, "yes"]
    # Only units 1 and 3 were answered by both: both agree.
    assert cohen_kappa_parts(a, b)["n"] == 2
    assert percent_agreement(a, b) == 1.0
    with pytest.raises(ValueError, match="krippendorff_alpha"):
        fleiss_kappa([a, b])
    with pytest.raises(ValueError, match="two coders"):
        krippendorff_alpha([[None, "yes"], ["no", None]])


def test_bad_input_gets_a_clear_message():
    with pytest.raises(ValueError, match="same units"):
        cohen_kappa(["yes", "no"], ["yes"])
    with pytest.raises(TypeError, match="one list per coder"):
        percent_agreement(["yes", "no", "yes"])
    with pytest.raises(ValueError, match="level"):
        krippendorff_alpha(KRIPPENDORFF_BINARY, level="fuzzy")
    with pytest.raises(ValueError, match="numbers"):
        krippendorff_alpha([["a", "b"], ["b", "a"]], level="interval")
    with pytest.raises(ValueError, match="same number"):
        fleiss_kappa_from_counts([[2, 0], [1, 0]])


def test_summary_picks_the_right_kappa():
    two = agreement_summary([COHEN_A, COHEN_B])
    assert two["Cohen's kappa"] == pytest.approx(0.4)
    assert "Fleiss' kappa" not in two
    many = agreement_summary(KRIPPENDORFF_BINARY + [KRIPPENDORFF_BINARY[0]])
    assert many["coders"] == 3 and many["units"] == 10
    assert "Fleiss' kappa" in many
    assert many["Krippendorff's alpha"] == pytest.approx(krippendorff_alpha(KRIPPENDORFF_BINARY * 1
                                                                            + [KRIPPENDORFF_BINARY[0]]))


# ------------------------------------------------------------ reading the figures, per item

def test_landis_koch_bands():
    from helpers.agreement import landis_koch

    assert [landis_koch(k) for k in (-0.1, 0.0, 0.2, 0.21, 0.48, 0.6, 0.7, 0.81, 1.0)] == [
        "poor", "slight", "slight", "fair", "moderate", "moderate", "substantial", "almost perfect", "almost perfect"]
    assert landis_koch(float("nan")) == "undefined"


def test_krippendorff_verdict_thresholds():
    from helpers.agreement import krippendorff_verdict

    assert krippendorff_verdict(0.80).startswith("reliable")
    assert krippendorff_verdict(0.70).startswith("tentative")
    assert krippendorff_verdict(0.48).startswith("not reliable")
    assert krippendorff_verdict(float("nan")).startswith("undefined")


def test_reliability_by_item_shows_the_prevalence_problem():
    from helpers.agreement import reliability_by_item

    rare_a = [0] * 13 + [0]
    rare_b = [0] * 13 + [1]
    both = {"ana": {"rare": rare_a, "even": [1, 0] * 7}, "ben": {"rare": rare_b, "even": [1, 0] * 6 + [0, 1]}}
    table = reliability_by_item(both)
    assert table.loc["rare", "percent agreement"] == pytest.approx(13 / 14, abs=0.005)
    assert table.loc["rare", "kappa"] == 0.0 and table.loc["rare", "share yes"] == pytest.approx(1 / 28, abs=0.005)
    assert table.loc["even", "Landis & Koch"] == "substantial"
    three = {c: {"even": [1, 0, 1, 1]} for c in ("a", "b", "c")}
    three["c"]["even"] = [1, 0, 0, 1]
    assert reliability_by_item(three).loc["even", "kappa"] == pytest.approx(round(fleiss_kappa(
        [three[c]["even"] for c in three]), 2))
    with pytest.raises(ValueError, match="at least two coders"):
        reliability_by_item({"a": {"x": [1]}})
