from . import test_promptpay_qr
from . import test_promptpay_matching
from . import test_promptpay_reports
from . import test_integrity_promptpay
from . import test_hardening_concurrency
