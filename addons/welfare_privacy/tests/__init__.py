from . import test_consent
from . import test_access_log
from . import test_least_privilege
from . import test_other_fund
from . import test_rights
from . import test_integrity_privacy
from . import test_dependant_id
from . import test_import_consent
