from . import welfare_promptpay_slip_wizard
