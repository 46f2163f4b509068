from . import test_payload
from . import test_rollup_apply
from . import test_rollup_security
from . import test_province_pull
