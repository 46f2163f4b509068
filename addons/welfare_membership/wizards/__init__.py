from . import welfare_member_status_wizard
from . import welfare_contribution_cancel_wizard
from . import welfare_member_import
from . import welfare_claim_pay
from . import welfare_claim_reject
from . import welfare_benefit_catalogue_copy
from . import welfare_claim_death_payee
