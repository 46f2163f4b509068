from . import welfare_rollup_xlsx
