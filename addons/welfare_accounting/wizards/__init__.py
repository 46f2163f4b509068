from . import welfare_matching_receive_wizard
from . import welfare_statement_wizard
from . import welfare_fund_status_wizard
