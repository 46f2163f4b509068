from . import test_ledger_indicators
