from . import welfare_assessment_demo
