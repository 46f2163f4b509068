from . import welfare_fund
from . import welfare_member
from . import welfare_reminder_log
