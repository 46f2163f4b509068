from . import res_partner_bank
from . import welfare_fund
from . import welfare_member
from . import welfare_contribution
from . import welfare_promptpay_transfer
from . import account_bank_statement_line
from . import welfare_collection
