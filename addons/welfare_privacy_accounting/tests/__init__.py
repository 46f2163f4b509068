from . import test_erasure_ledger
