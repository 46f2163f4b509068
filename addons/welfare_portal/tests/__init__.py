from . import (
    test_change_request,
    test_claim_request,
    test_integrity_portal,
    test_portal_access,
    test_portal_login,
    test_rate_limit,
    test_signup,
    test_tour,
)
