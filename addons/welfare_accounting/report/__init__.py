from . import welfare_reports
from . import welfare_xlsx
