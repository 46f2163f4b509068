from . import welfare_rollup_import
