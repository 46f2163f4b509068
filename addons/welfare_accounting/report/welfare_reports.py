from odoo import api, models

from odoo.addons.welfare_base.lib import thai_calendar, thai_format
from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import statement as statement_lib


def money(amount):
    """1234.5 -> '1,234.50': baht and satang as on CODI's forms."""
    return f"{statement_lib.money(amount):,.2f}"


def report_helpers(env):
    """Formats and translated labels shared by the fund's documents."""
    account_fields = env["account.account"]._fields
    return {
        "money": money,
        "thai_date": thai_calendar.thai_date,
        "baht_text": thai_format.baht_text,
        "be_year": lambda year: int(year) + thai_calendar.BE_OFFSET,
        "province_name": env["welfare.format"].province_name,
        "category_labels": dict(
            account_fields["welfare_codi_category"]._description_selection(env)
        ),
        "benefit_labels": dict(
            account_fields["welfare_benefit_category"]._description_selection(env)
        ),
        "receipt_categories": statement_lib.RECEIPT_CATEGORIES,
        "payment_categories": statement_lib.PAYMENT_CATEGORIES,
        "asset_categories": statement_lib.ASSET_CATEGORIES,
    }


def current_fiscal_year(env, data=None):
    """The fiscal year chosen for the document, else the default one: the
    year just ended from October to December, the current year afterwards
    (see ``statement.report_fiscal_year``)."""
    data = data or {}
    year = data.get("fiscal_year") or env.context.get("welfare_fiscal_year")
    if year:
        return int(year)
    return statement_lib.report_fiscal_year(welfare_today(env.user))


class ReportWelfareStatement(models.AbstractModel):
    _name = "report.welfare_accounting.report_welfare_statement"
    _description = "Receipts and Payments Statement"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["welfare.statement.wizard"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "welfare.statement.wizard",
            "docs": docs,
            "statements": {doc.id: doc._statement() for doc in docs},
            **report_helpers(self.env),
        }


class ReportWelfareFundStatus(models.AbstractModel):
    _name = "report.welfare_accounting.report_welfare_fund_status"
    _description = "Fund Status Form"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["welfare.fund"].browse(docids)
        docs.check_access("read")
        year = current_fiscal_year(self.env, data)
        return {
            "doc_ids": docids,
            "doc_model": "welfare.fund",
            "docs": docs,
            "status": {doc.id: doc._welfare_status(year) for doc in docs},
            **report_helpers(self.env),
        }


class ReportWelfareMatchingRequest(models.AbstractModel):
    _name = "report.welfare_accounting.report_welfare_matching_request"
    _description = "CODI Matching Request Form"

    @api.model
    def _get_report_values(self, docids, data=None):
        docs = self.env["welfare.matching.request"].browse(docids)
        return {
            "doc_ids": docids,
            "doc_model": "welfare.matching.request",
            "docs": docs,
            "signatories": {doc.id: doc._signatories() for doc in docs},
            **report_helpers(self.env),
        }
