from . import (
    welfare_fund,
    welfare_member,
    welfare_member_change_request,
    welfare_portal_rate_limit,
    welfare_portal_signup,
)
