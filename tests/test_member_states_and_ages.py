import datetime

import pytest

from odoo.addons.welfare_base.lib import fund_snapshot, member_states
from odoo.addons.welfare_membership.lib import age_bands, arrears

D = datetime.date


def test_every_group_of_states_is_made_of_member_states():
    for group in (
        member_states.CURRENT_STATES,
        member_states.ENDED_STATES,
        member_states.REJOIN_STATES,
        member_states.MEMBER_STATES,
    ):
        assert set(group) <= set(member_states.STATES)
    assert not set(member_states.CURRENT_STATES) & set(member_states.ENDED_STATES)
    assert "applicant" not in member_states.MEMBER_STATES


def test_snapshots_count_members_by_every_accepted_state():
    assert fund_snapshot.MEMBER_STATES == member_states.MEMBER_STATES
    for state in member_states.MEMBER_STATES:
        assert f"members_{state}" in fund_snapshot.INTEGER_FIELDS


def test_the_arrears_job_moves_only_current_members():
    assert arrears.MANAGED == member_states.CURRENT_STATES


@pytest.mark.parametrize(
    ("age", "band"),
    [
        (0, "0_17"),
        (17, "0_17"),
        (18, "18_39"),
        (39, "18_39"),
        (40, "40_59"),
        (60, "60_69"),
        (79, "70_79"),
        (80, "80_plus"),
        (104, "80_plus"),
    ],
)
def test_age_bands_hold_their_upper_age(age, band):
    assert age_bands.age_band(age) == band


def test_age_is_counted_in_completed_years_on_the_day():
    assert age_bands.age_values(D(2008, 6, 2), D(2026, 6, 1)) == (17, "0_17")
    assert age_bands.age_values(D(2008, 6, 1), D(2026, 6, 1)) == (18, "18_39")
    assert age_bands.age_values(False, D(2026, 6, 1)) == (0, False)


def test_the_selection_lists_every_band_in_order():
    assert [key for key, _label in age_bands.AGE_BANDS] == [
        *(key for _oldest, key in age_bands.UPPER_BANDS),
        age_bands.LAST_BAND,
    ]
