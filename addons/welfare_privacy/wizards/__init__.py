from . import welfare_member_import
