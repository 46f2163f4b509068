from . import welfare_assessment_reopen
