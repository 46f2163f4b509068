from . import welfare_member
