import datetime

import pytest

from odoo.addons.welfare_membership.lib import arrears as a

D = datetime.date


@pytest.mark.parametrize(
    ("paid_until", "today", "months"),
    [
        (D(2025, 1, 31), D(2025, 1, 31), 0),
        (D(2025, 1, 31), D(2025, 2, 27), 0),
        (D(2025, 1, 31), D(2025, 3, 1), 1),
        (D(2025, 1, 31), D(2025, 8, 1), 6),
        (D(2025, 12, 31), D(2025, 6, 1), 0),
    ],
)
def test_months_in_arrears(paid_until, today, months):
    assert a.months_in_arrears(paid_until, None, today) == months


def test_never_paid_counts_from_joining():
    assert a.months_in_arrears(None, D(2025, 1, 1), D(2025, 4, 2)) == 3


def test_ladder_thresholds():
    states = [a.ladder_state(m, 1, 3, 6) for m in range(8)]
    assert states == [
        "active",
        "grace",
        "grace",
        "suspended",
        "suspended",
        "suspended",
        "terminated",
        "terminated",
    ]


def test_paying_brings_grace_and_suspended_back():
    assert a.next_state("suspended", 0, 1, 3, 6) == "active"
    assert a.next_state("grace", 0, 1, 3, 6) == "active"


def test_terminated_and_leavers_are_not_moved():
    for state in ("terminated", "resigned", "deceased", "applicant"):
        assert a.next_state(state, 0, 1, 3, 6) == state


@pytest.mark.parametrize("thresholds", [(0, 3, 6), (3, 1, 6), (1, 6, 3)])
def test_thresholds_must_be_ordered(thresholds):
    with pytest.raises(ValueError):
        a.check_thresholds(*thresholds)
