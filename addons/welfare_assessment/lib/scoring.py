"""Scoring of fund assessments: bands, weighted scores and grades.

Plain Python, no Odoo: the models feed plain values in and store what comes out.

A criterion maps an indicator value to points through *bands*. Bands are tried in
order and the first that holds the value wins; both bounds of a band are
inclusive and either may be open (``None``). So "20 % or less: 10 points, up to
25 %: 5 points, more: 0" is ``[Band(None, 20, 10), Band(None, 25, 5),
Band(None, None, 0)]``, and 20 exactly earns 10.

The score of an assessment is the weighted mean of each criterion's share of its
maximum points, on a scale of 0 to 100. A criterion without a value (no data,
or a manual criterion not filled in) earns no points.
"""

from collections import namedtuple

GRADES = ("A", "B", "C", "D")

Band = namedtuple("Band", ["min_value", "max_value", "points"])
ScoredLine = namedtuple("ScoredLine", ["weight", "points", "max_points"])


def band_matches(band, value):
    """Whether ``value`` lies within ``band`` (bounds inclusive, ``None`` = open)."""
    if band.min_value is not None and value < band.min_value:
        return False
    if band.max_value is not None and value > band.max_value:
        return False
    return True


def band_points(bands, value):
    """Points of the first band holding ``value``; 0 when none does or no value."""
    if value is None:
        return 0.0
    for band in bands:
        if band_matches(band, value):
            return float(band.points)
    return 0.0


def line_points(value, bands, max_points):
    """Points of one criterion.

    With bands, the bands decide; without, the value is the points themselves
    (a reviewer scoring by hand), kept between 0 and ``max_points``.
    """
    if value is None:
        return 0.0
    if bands:
        points = band_points(bands, value)
    else:
        points = float(value)
    return max(0.0, min(float(max_points), points))


def weighted_score(lines):
    """Score from 0 to 100: the weighted mean of points / max points.

    Lines of zero weight or zero maximum count for nothing; no weight at all
    gives 0.
    """
    total_weight = 0.0
    total = 0.0
    for line in lines:
        if line.weight <= 0 or line.max_points <= 0:
            continue
        share = max(0.0, min(1.0, line.points / line.max_points))
        total += line.weight * share
        total_weight += line.weight
    if not total_weight:
        return 0.0
    return round(100.0 * total / total_weight, 2)


def check_thresholds(threshold_a, threshold_b, threshold_c):
    """What is wrong with grade thresholds: 'range', 'order' or None.

    They must lie within 0-100 and decrease strictly from A to C.
    """
    values = (threshold_a, threshold_b, threshold_c)
    if any(v < 0 or v > 100 for v in values):
        return "range"
    if not threshold_a > threshold_b > threshold_c:
        return "order"
    return None


def grade_for(score, threshold_a, threshold_b, threshold_c):
    """'A' at or above the A minimum, then B and C; 'D' below the C minimum."""
    if score >= threshold_a:
        return "A"
    if score >= threshold_b:
        return "B"
    if score >= threshold_c:
        return "C"
    return "D"


def check_bands(bands, max_points):
    """First fault of bands as ``(position, 'bounds' | 'points')``, else None.

    'bounds': the lower bound is above the upper one; 'points': the points are
    outside 0 to ``max_points``. Positions count from 1.
    """
    for index, band in enumerate(bands, start=1):
        if (
            band.min_value is not None
            and band.max_value is not None
            and band.min_value > band.max_value
        ):
            return index, "bounds"
        if band.points < 0 or band.points > max_points:
            return index, "points"
    return None


def percent(part, whole):
    """``part`` as a percentage of ``whole``; None when there is no whole."""
    if not whole:
        return None
    return round(100.0 * part / whole, 2)


def growth_percent(before, after):
    """Growth from ``before`` to ``after`` in percent; None from nothing."""
    if not before:
        return None
    return round(100.0 * (after - before) / before, 2)


def months_of_reserve(balance, paid_in_period, period_days):
    """How many months of benefits the balance would pay at the period's rate.

    None when nothing was paid in the period (no rate to divide by).
    """
    if not paid_in_period or period_days <= 0:
        return None
    monthly = paid_in_period * 30.4375 / period_days
    return round(balance / monthly, 2)
