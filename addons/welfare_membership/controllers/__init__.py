from . import welfare_card
