from . import portal, signup
