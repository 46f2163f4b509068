from . import indicator_ledger
