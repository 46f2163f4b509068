from . import test_snapshot_grades
