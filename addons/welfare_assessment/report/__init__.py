from . import welfare_assessment_xlsx
