import datetime
from unittest.mock import patch

from odoo.addons.welfare_accounting.tests.common import AccountingCase


def emv_fields(payload):
    """The EMV QR payload as {tag: value} (values of nested tags as strings)."""
    fields = {}
    i = 0
    while i < len(payload):
        tag, size = payload[i : i + 2], int(payload[i + 2 : i + 4])
        fields[tag] = payload[i + 4 : i + 4 + size]
        i += 4 + size
    return fields


class PromptpayCase(AccountingCase):
    """A fund with its PromptPay account and bank journal, members in arrears."""

    @classmethod
    def setUpClass(cls):
        super().setUpClass()
        partner = cls.company.partner_id
        partner.write({"city": "Roi Et", "country_id": cls.env.ref("base.th").id})
        cls.bank = cls.env["res.partner.bank"].create(
            {
                "acc_number": "020-1-23456-7",
                "partner_id": partner.id,
                "proxy_type": "mobile",
                "proxy_value": "0812345678",
            }
        )
        cls.fund.promptpay_account_id = cls.bank
        cls.journal = cls.fund._welfare_journal("bank")
        # two months and a bit behind: owes this month and the two before
        cls.debtor = cls._member(
            "นางมาลี ค้างจ่าย",
            paid_until=cls.today.replace(day=1) - datetime.timedelta(days=1 + 62),
        )

    def _reference(self, member=None):
        member = member or self.debtor
        return member._promptpay_payment_info(self.today)[member.id]

    def _bank_line(self, amount, label, **vals):
        return (
            self.env["account.bank.statement.line"]
            .with_company(self.company)
            .create(
                {
                    "journal_id": self.journal.id,
                    "date": self.today,
                    "amount": amount,
                    "payment_ref": label,
                    **vals,
                }
            )
        )

    def _capture_qr_payloads(self):
        """Patch Odoo's barcode maker to keep what each QR image encodes."""
        payloads = []
        Report = type(self.env["ir.actions.report"])
        original = Report.barcode

        def barcode(report, *args, **kwargs):
            payloads.append(kwargs.get("value"))
            return original(report, *args, **kwargs)

        return payloads, patch.object(Report, "barcode", barcode)
