from . import test_reminder_sending
from . import test_integrity_reminder
from . import test_reminder_consent
