def post_init_hook(env):
    """Set up the books of every fund that exists when the module is installed."""
    funds = env["welfare.fund"].with_context(active_test=False).search([])
    funds._setup_books()
    funds._welfare_post_existing()
