"""The arrears ladder: active -> grace -> suspended -> terminated, and back.

A member is "in arrears" for every whole month between the last day their
contributions cover and today. The scheme's thresholds (in months) decide
the state; paying the arrears brings a member in grace or suspended back to
active. Termination is final for the daily job: only the committee
reinstates a terminated member.
"""

from dateutil.relativedelta import relativedelta

from odoo.addons.welfare_base.lib.member_states import CURRENT_STATES

#: states the job may move a member out of: the current members
MANAGED = CURRENT_STATES


def months_in_arrears(paid_until, join_date, today):
    """Whole months between the last covered day and today (0 when paid up).

    A member who never paid is counted from the day before joining.
    """
    last = paid_until
    if not last:
        if not join_date:
            return 0
        last = join_date - relativedelta(days=1)
    if last >= today:
        return 0
    delta = relativedelta(today, last)
    return delta.years * 12 + delta.months


def check_thresholds(grace, suspend, terminate):
    """Raise ValueError unless 0 < grace <= suspend <= terminate."""
    if not (0 < grace <= suspend <= terminate):
        raise ValueError("thresholds must satisfy 0 < grace <= suspend <= terminate")


def ladder_state(months, grace, suspend, terminate):
    """The state the thresholds give ``months`` in arrears."""
    if months >= terminate:
        return "terminated"
    if months >= suspend:
        return "suspended"
    if months >= grace:
        return "grace"
    return "active"


def next_state(state, months, grace, suspend, terminate):
    """The state a member in ``state`` moves to, or ``state`` when it stays.

    Only active, grace and suspended members move; the move may go up the
    ladder (more arrears) or back down to active (arrears paid).
    """
    if state not in MANAGED:
        return state
    return ladder_state(months, grace, suspend, terminate)
