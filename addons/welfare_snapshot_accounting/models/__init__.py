from . import welfare_fund_snapshot
