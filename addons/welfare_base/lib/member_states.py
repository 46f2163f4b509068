"""The states of a fund member and the groups the rules speak of.

Plain Python, no Odoo: the one home of these lists. The member model gives
the states their labels; the membership rules, the fund's figures (status
form, snapshots, assessment indicators) and the roll-up count by these keys.
The network addon holds them because the roll-up, which knows no member,
receives members counted by state.

    applicant -> active <-> grace <-> suspended -> terminated
                       \\-> resigned, deceased
"""

#: every state, in the lifecycle's order
STATES = (
    "applicant",
    "active",
    "grace",
    "suspended",
    "terminated",
    "resigned",
    "deceased",
)
#: members who belong to the fund: CODI's "current" members; their card is valid
CURRENT_STATES = ("active", "grace", "suspended")
#: states that end a membership: such a member stops counting on the day
#: recorded for it
ENDED_STATES = ("terminated", "resigned", "deceased")
#: ended memberships a person may rejoin from (the person lives)
REJOIN_STATES = ("terminated", "resigned")
#: states the fund counts a member in once accepted (every state but applicant)
MEMBER_STATES = CURRENT_STATES + ENDED_STATES
#: states in which a member pays contributions (an applicant pays with the
#: application)
PAYING_STATES = ("applicant",) + CURRENT_STATES
#: states whose national ID may not repeat within a fund (a deceased member
#: keeps the number: the estate may still be paid)
HOLDING_STATES = PAYING_STATES + ("deceased",)
