from . import test_snapshot_grants
