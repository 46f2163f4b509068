"""The ready benefit catalogue copied into every demo fund."""

from .members import DEMO_FUND_KEYS


def create_catalogues(env):
    """Demo: the ready catalogue copied into every demo fund, with xml ids
    ``welfare_benefit_type_<fund key>_<catalogue key>_demo``."""
    funds = {}
    for key in DEMO_FUND_KEYS:
        fund = env.ref(f"welfare_base.welfare_fund_{key}_demo", False)
        if fund:
            funds[fund.id] = key
    templates = env["welfare.benefit.template"].search([])
    template_keys = {
        template.name: xmlid.split(".welfare_benefit_template_")[-1]
        for template, xmlid in zip(
            templates, templates.get_external_id().values(), strict=True
        )
        if xmlid
    }
    created = env["welfare.benefit.type"]._copy_from_catalogue(
        templates, env["welfare.fund"].browse(list(funds))
    )
    env["ir.model.data"]._update_xmlids(
        [
            {
                "xml_id": "welfare_membership.welfare_benefit_type_"
                f"{funds[benefit.fund_id.id]}_{template_keys[benefit.name]}_demo",
                "record": benefit,
                "noupdate": True,
            }
            for benefit in created
            if benefit.name in template_keys
        ]
    )
    return True
