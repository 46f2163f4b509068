from . import test_fund
from . import test_committee
from . import test_geography
from . import test_security
from . import test_profile
from . import test_format
from . import test_access_matrix
from . import test_web_client_companies
