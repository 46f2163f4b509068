from . import test_reminder_sending
from . import test_integrity_reminder
