from . import test_snapshot_grants
from . import test_snapshot_open_day
