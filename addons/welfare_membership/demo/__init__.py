from . import welfare_membership_demo
