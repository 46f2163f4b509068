"""Consents recorded before this module become consent records.

The member's consent fields (``consent_date``, ``consent_method``,
``health_consent``, ``health_consent_date``) were plain values; they are now
derived from ``welfare.consent`` records. Their values are set aside before
the module's models load (so that no recomputation can lose them), then turned
into records: a membership consent for each member with a consent date, and a
health consent for each member who gave the explicit consent to keep health
data. That consent covered "health and disability data": members registered as
disabled who gave it get a disability consent of the same date too.
"""

from odoo import fields
from odoo.tools import SQL

SAVED = "welfare_privacy_consent_migration"


def pre_init_hook(env):
    cr = env.cr
    cr.execute(SQL("DROP TABLE IF EXISTS %s", SQL.identifier(SAVED)))
    cr.execute(
        SQL(
            """
            CREATE TABLE %s AS
            SELECT id, consent_date, consent_method, health_consent,
                   health_consent_date, member_type
              FROM welfare_member
             WHERE consent_date IS NOT NULL OR health_consent
            """,
            SQL.identifier(SAVED),
        )
    )


def post_init_hook(env):
    cr = env.cr
    cr.execute(
        SQL(
            "SELECT id, consent_date, consent_method, health_consent, "
            "health_consent_date, member_type FROM %s ORDER BY id",
            SQL.identifier(SAVED),
        )
    )
    rows = cr.fetchall()
    today = fields.Date.context_today(env["welfare.consent"])
    vals_list = []
    for member_id, date, method, health, health_date, member_type in rows:
        if date:
            vals_list.append(
                {
                    "member_id": member_id,
                    "purpose": "membership",
                    "given_date": date,
                    "method": method or "paper",
                }
            )
        if health:
            purposes = ["health"]
            if member_type == "disabled":
                purposes.append("disability")
            for purpose in purposes:
                vals_list.append(
                    {
                        "member_id": member_id,
                        "purpose": purpose,
                        "given_date": health_date or date or today,
                        "method": method or "paper",
                    }
                )
    # members already holding a consent record keep it (the hook can run again)
    Consent = env["welfare.consent"].sudo()
    existing = {
        (consent.member_id.id, consent.purpose)
        for consent in Consent.search(
            [("member_id", "in", [vals["member_id"] for vals in vals_list])]
        )
    }
    vals_list = [
        vals
        for vals in vals_list
        if (vals["member_id"], vals["purpose"]) not in existing
    ]
    if vals_list:
        env["welfare.consent"].sudo()._workflow_create(vals_list)
    cr.execute(SQL("DROP TABLE %s", SQL.identifier(SAVED)))
