from . import welfare_rollup_snapshot
from . import welfare_rollup_source
from . import welfare_rollup_summary
