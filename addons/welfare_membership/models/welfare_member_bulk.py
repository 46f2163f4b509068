"""The registry written set-based: many members, their contacts and
beneficiaries at once (the registry import's path), and notes in many
members' chatter at once (status moves of the arrears job).

Both write through ``bulk.bulk_insert`` where the database's modules allow
it (``bulk.can_bulk_insert``) and fall back to the ORM otherwise.
"""

from markupsafe import escape

from odoo import api, fields, models
from odoo.tools import clean_context
from odoo.tools.mail import generate_tracking_message_id

from odoo.addons.welfare_base.models.welfare_date import welfare_today

from ..lib import thai_id
from ..lib.age_bands import age_values
from . import bulk


class WelfareMember(models.Model):
    _inherit = "welfare.member"

    @api.model
    def _bulk_create(self, vals_list, note=None):
        """Create many members at once: the registry import's path.

        The same values as ``create()`` (see ``_prepare_member_batch``),
        written set-based (``bulk.bulk_insert``): contacts, members and
        beneficiaries each in one INSERT per thousand rows, without
        followers or a creation note; ``note`` is logged on each member
        instead, in one INSERT. Falls back to ``create()`` where a module
        of the database changes how contacts or messages are created.

        Lines of other one2many fields (``Command.create`` only), which
        modules add to the member, are created through their model's
        ``create()``, all members' lines in one call, before the members'
        constraints are checked: as ``create()`` does, a constraint may ask
        for a line that comes with the member (a consent the registry
        records).
        """
        Partner = self.env["res.partner"]
        Message = self.env["mail.message"]
        if not (bulk.can_bulk_insert(Partner) and bulk.can_bulk_insert(Message)):
            # the registry's status, join and paid-until dates as the fund kept them
            members = self.with_context(mail_create_nolog=True)._workflow_create(
                vals_list
            )
            if note and members:
                members._message_log_batch(bodies=dict.fromkeys(members.ids, note))
            return members
        self.check_access("create")
        beneficiaries = [vals.pop("beneficiary_ids", None) or [] for vals in vals_list]
        line_fields = sorted(
            {
                name
                for vals in vals_list
                for name in vals
                if self._fields.get(name) and self._fields[name].type == "one2many"
            }
        )
        lines = {
            name: [vals.pop(name, None) or [] for vals in vals_list]
            for name in line_fields
        }
        if any(
            command[0] != fields.Command.CREATE
            for commands_list in (beneficiaries, *lines.values())
            for commands in commands_list
            for command in commands
        ):
            raise ValueError("_bulk_create takes new lines only")
        partner_vals = self._prepare_member_batch(vals_list)
        partner_columns = {
            name
            for name, field in Partner._fields.items()
            if field.store and field.column_type
        }
        partners = iter(
            bulk.bulk_insert(
                Partner,
                [
                    {k: v for k, v in vals.items() if k in partner_columns}
                    for vals in partner_vals
                ],
            )
        )
        funds = self.env["welfare.fund"].browse({vals["fund_id"] for vals in vals_list})
        companies = {fund.id: fund.company_id.id for fund in funds}
        today = welfare_today(self)
        names = iter(vals.get("name") for vals in partner_vals)
        for vals in vals_list:
            # the stored computed fields whose values are at hand: given, so
            # that no flush reads the new rows back to compute them
            if not vals.get("partner_id"):
                vals["partner_id"] = next(partners).id
                vals["search_name"] = next(names)
            vals.setdefault("company_id", companies[vals["fund_id"]])
            vals["age"], vals["age_band"] = age_values(vals.get("birthdate"), today)
        members = bulk.bulk_insert(self, vals_list, validate=False)
        beneficiary_vals = [
            {
                **values,
                "member_id": member.id,
                "fund_id": vals["fund_id"],
                "company_id": vals["company_id"],
            }
            for member, vals, commands in zip(
                members, vals_list, beneficiaries, strict=True
            )
            for _command, _id, values in commands
        ]
        for values in beneficiary_vals:
            if values.get("national_id"):
                values["national_id"] = thai_id.clean(values["national_id"])
        bulk.bulk_insert(self.env["welfare.member.beneficiary"], beneficiary_vals)
        for name, commands_list in lines.items():
            field = self._fields[name]
            line_vals = [
                {**values, field.inverse_name: member.id}
                for member, commands in zip(members, commands_list, strict=True)
                for _command, _id, values in commands
            ]
            if line_vals:
                # no creation note nor follower on each line: the members
                # carry the import's note
                self.env[field.comodel_name].with_context(
                    mail_create_nolog=True, mail_create_nosubscribe=True
                ).create(line_vals)
        members._validate_fields(set().union(*vals_list))
        if note and members:
            members._bulk_log_note(note)
        return members

    def _bulk_log_note(self, note):
        """The same note on each member (see ``_bulk_log_notes``)."""
        self._bulk_log_notes(dict.fromkeys(self.ids, note))

    def _bulk_log_notes(self, bodies):
        """Notes {member id: text}, as ``_message_log_batch`` writes them, in
        one INSERT per thousand members where messages can be inserted so
        (see ``bulk.can_bulk_insert``).

        ``_message_log_batch`` creates its notes through ``mail.message``'s
        ``create()``: about 3,700 notes a second against 15,000 to 23,000 for
        this insert (3,000 notes, 2-core machine), a difference the arrears
        job pays on a month's status moves (bench/README.md, benchmark 3)."""
        # sudo: as _message_log_batch, which writes its notes as sudo, the
        # notes are written by the operation that changed these members
        # no default of the caller's context (default_...) reaches the notes,
        # as in _message_create
        Message = (
            self.env["mail.message"]
            .sudo()
            .with_context(clean_context(self.env.context))
        )
        if not bulk.can_bulk_insert(Message):
            self._message_log_batch(bodies=bodies)
            return
        author_id, email_from = self._message_compute_author(raise_on_email=False)
        reply_to = self.env["mail.thread"]._notify_get_reply_to(default=email_from)[
            False
        ]
        base = {
            "author_id": author_id,
            "email_from": email_from,
            "model": self._name,
            "message_type": "notification",
            "is_internal": True,
            "subtype_id": self.env["ir.model.data"]._xmlid_to_res_id("mail.mt_note"),
            "email_add_signature": False,
            "reply_to": reply_to,
            "date": self.env.cr.now(),
        }
        by_body = {}
        for member_id, text in bodies.items():
            by_body.setdefault(text, []).append(member_id)
        for text, member_ids in by_body.items():
            body = escape(text)
            bulk.bulk_insert(
                Message,
                [
                    {
                        **base,
                        "body": body,
                        "res_id": member_id,
                        "message_id": generate_tracking_message_id("message-notify"),
                    }
                    for member_id in member_ids
                ],
            )
