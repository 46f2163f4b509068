import pytest

from odoo.addons.welfare_assessment.lib import scoring as sc

Band = sc.Band

# "Admin cost 20 % or less: 10, up to 25 %: 5, more: 0"
LOWER_IS_BETTER = [Band(None, 20, 10), Band(None, 25, 5), Band(None, None, 0)]
# "Village coverage 50 % or more: 10, 30 % or more: 5, less: 0"
HIGHER_IS_BETTER = [Band(50, None, 10), Band(30, None, 5), Band(None, None, 0)]


@pytest.mark.parametrize(
    ("value", "points"),
    [(0, 10), (19.99, 10), (20, 10), (20.01, 5), (25, 5), (25.01, 0), (100, 0)],
)
def test_upper_bound_of_a_band_is_inclusive(value, points):
    assert sc.band_points(LOWER_IS_BETTER, value) == points


@pytest.mark.parametrize(
    ("value", "points"),
    [(100, 10), (50, 10), (49.99, 5), (30, 5), (29.99, 0), (0, 0)],
)
def test_lower_bound_of_a_band_is_inclusive(value, points):
    assert sc.band_points(HIGHER_IS_BETTER, value) == points


def test_first_matching_band_wins_when_bands_overlap():
    bands = [Band(3, None, 10), Band(2, None, 5), Band(0, None, 1)]
    assert sc.band_points(bands, 3) == 10
    assert sc.band_points(bands, 2) == 5
    assert sc.band_points(bands, 0) == 1


def test_value_outside_every_band_earns_nothing():
    assert sc.band_points([Band(1, 5, 10)], 6) == 0
    assert sc.band_points([Band(1, 5, 10)], 0.5) == 0


def test_no_value_earns_nothing():
    assert sc.band_points(HIGHER_IS_BETTER, None) == 0
    assert sc.line_points(None, [], 10) == 0


def test_without_bands_the_value_is_the_points_within_the_maximum():
    assert sc.line_points(7, [], 10) == 7
    assert sc.line_points(12, [], 10) == 10
    assert sc.line_points(-3, [], 10) == 0


def test_band_points_are_capped_at_the_maximum():
    assert sc.line_points(60, HIGHER_IS_BETTER, 8) == 8


def test_weighted_score_is_the_weighted_share_of_maximum_points():
    lines = [
        sc.ScoredLine(weight=10, points=10, max_points=10),  # 100 %
        sc.ScoredLine(weight=30, points=5, max_points=10),  # 50 %
    ]
    # (10 * 1 + 30 * 0.5) / 40 = 62.5 %
    assert sc.weighted_score(lines) == 62.5


def test_weighted_score_ignores_weightless_lines():
    lines = [
        sc.ScoredLine(weight=0, points=0, max_points=10),
        sc.ScoredLine(weight=5, points=10, max_points=10),
        sc.ScoredLine(weight=5, points=3, max_points=0),
    ]
    assert sc.weighted_score(lines) == 100.0


def test_weighted_score_of_nothing_is_zero():
    assert sc.weighted_score([]) == 0.0


@pytest.mark.parametrize(
    ("score", "grade"),
    [
        (100, "A"),
        (80, "A"),
        (79.99, "B"),
        (65, "B"),
        (64.99, "C"),
        (50, "C"),
        (49.99, "D"),
        (0, "D"),
    ],
)
def test_grade_thresholds_are_minimum_scores(score, grade):
    assert sc.grade_for(score, 80, 65, 50) == grade


@pytest.mark.parametrize(
    ("thresholds", "fault"),
    [
        ((80, 65, 50), None),
        ((80, 80, 50), "order"),
        ((50, 65, 80), "order"),
        ((101, 65, 50), "range"),
        ((80, 65, -1), "range"),
    ],
)
def test_thresholds_must_decrease_within_the_scale(thresholds, fault):
    assert sc.check_thresholds(*thresholds) == fault


def test_band_faults_are_reported_with_their_position():
    assert sc.check_bands(HIGHER_IS_BETTER, 10) is None
    assert sc.check_bands([Band(0, None, 1), Band(5, 1, 1)], 10) == (2, "bounds")
    assert sc.check_bands([Band(0, None, 11)], 10) == (1, "points")


def test_percent_and_growth_have_no_value_without_a_base():
    assert sc.percent(3, 4) == 75.0
    assert sc.percent(3, 0) is None
    assert sc.growth_percent(200, 210) == 5.0
    assert sc.growth_percent(200, 190) == -5.0
    assert sc.growth_percent(0, 10) is None


def test_months_of_reserve_use_the_rate_of_the_period():
    # 36,525 baht paid over a 365.25-day year is 3,043.75 a month
    assert sc.months_of_reserve(30437.5, 36525, 365.25) == 10.0
    assert sc.months_of_reserve(1000, 0, 365) is None
