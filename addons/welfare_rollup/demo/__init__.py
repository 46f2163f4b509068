from . import welfare_rollup_demo
