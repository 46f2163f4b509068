import datetime

from dateutil.relativedelta import relativedelta

from odoo import models
from odoo.exceptions import UserError

from odoo.addons.welfare_base.models.welfare_date import welfare_today
from odoo.addons.welfare_membership.lib import periods

from ..lib import reference as ref_lib


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    def _promptpay_due(self, date=None, count=0):
        """{member id: (amount, first day paid for)} on ``date``.

        ``count`` 0: the arrears up to the current period, or one instalment
        for a member up to date (what a collector proposes); ``count`` n: the
        next n periods (months for a daily scheme) from the first unpaid day.
        """
        date = date or welfare_today(self)
        proposed = self._proposed_amounts(date) if not count else {}
        result = {}
        for member in self:
            scheme = member.fund_id.contribution_scheme_id
            start = periods.coverage_start(member.paid_until, member.join_date, date)
            if not scheme:
                result[member.id] = (0.0, start)
            elif count:
                unit = "month" if scheme.period == "day" else scheme.period
                step = {
                    "month": relativedelta(months=count),
                    "year": relativedelta(years=count),
                }[unit]
                end = start + step - datetime.timedelta(days=1)
                result[member.id] = (
                    periods.price(start, end, scheme.amount, scheme.period),
                    start,
                )
            else:
                result[member.id] = (proposed[member.id], start)
        return result

    def _promptpay_reference(self, start):
        """Compact reference of a payment of this member from ``start``."""
        self.ensure_one()
        try:
            return ref_lib.make(self.fund_id.code, self.member_number, start)
        except ValueError:
            raise UserError(
                self.env._(
                    "No PromptPay reference can be made for %(member)s: the fund's "
                    "code and the member number must be set and, together, at "
                    "most 22 letters and digits.",
                    member=self.display_name,
                )
            ) from None

    def _promptpay_payment_info(self, date=None, count=0):
        """What a PromptPay QR code for each member asks: {member id: dict}.

        ``amount``, ``start`` (first day paid for), ``reference`` (compact),
        ``reference_display`` (with hyphens), ``qr`` (PNG data URI made by
        Odoo's EMV QR machinery, None when nothing is due), ``account``.
        """
        due = self._promptpay_due(date, count)
        result = {}
        for fund, members in self.grouped("fund_id").items():
            account = fund._promptpay_account()
            currency = fund.company_id.currency_id
            for member in members:
                amount, start = due[member.id]
                reference = member._promptpay_reference(start)
                shown = ref_lib.display(reference, fund.code)
                qr = None
                if amount > 0:
                    qr = account.build_qr_code_base64(
                        amount,
                        shown,
                        shown,
                        currency,
                        member.partner_id,
                        qr_method="emv_qr",
                        silent_errors=False,
                    )
                result[member.id] = {
                    "amount": amount,
                    "start": start,
                    "reference": reference,
                    "reference_display": shown,
                    "qr": qr,
                    "account": account,
                }
        return result

    def action_print_arrears_notice(self):
        return self.env.ref(
            "welfare_promptpay.action_report_arrears_notice"
        ).report_action(self)
