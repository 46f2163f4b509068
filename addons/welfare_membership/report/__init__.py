from . import welfare_member_xlsx
