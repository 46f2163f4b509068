from . import test_portal_promptpay
