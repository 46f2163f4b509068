from . import welfare_promptpay_report
