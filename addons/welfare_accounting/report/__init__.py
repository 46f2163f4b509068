from . import welfare_reports
from . import welfare_xlsx
from . import welfare_fund_status_xlsx
