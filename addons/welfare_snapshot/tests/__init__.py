from . import test_snapshot
from . import test_snapshot_security
