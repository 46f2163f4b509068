from . import welfare_snapshot_export
