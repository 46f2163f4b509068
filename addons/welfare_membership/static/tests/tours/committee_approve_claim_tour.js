/** @odoo-module */
import { registry } from "@web/core/registry";

/**
 * The demo fund committee opens its queue of claims to approve (grouped by
 * benefit), opens a submitted claim and approves it. The benefit and the
 * claim come from the tab's sessionStorage ("welfare_claim_benefit",
 * "welfare_claim_name"); the test checks the claim in the database after.
 */
registry.category("web_tour.tours").add("welfare_committee_approve_claim", {
    url: "/odoo/action-welfare_membership.welfare_claim_action_committee",
    steps: () => {
        const benefit = sessionStorage.getItem("welfare_claim_benefit");
        const claim = sessionStorage.getItem("welfare_claim_name");
        return [
            {
                content: `Open the group of ${benefit}`,
                trigger: `.o_group_header:contains("${benefit}")`,
                run: "click",
            },
            {
                content: `Open claim ${claim}`,
                timeout: 30000,
                trigger: `.o_data_row .o_data_cell[name=name]:contains("${claim}")`,
                run: "click",
            },
            {
                content: "The claim waits for the committee",
                timeout: 30000,
                trigger: ".o_statusbar_status .o_arrow_button_current[data-value=submitted]",
            },
            {
                content: "Approve",
                trigger: ".o_statusbar_buttons button[name=action_approve]",
                run: "click",
            },
            {
                content: "The claim is approved",
                timeout: 30000,
                trigger: ".o_statusbar_status .o_arrow_button_current[data-value=approved]",
            },
            {
                content: "The approved amount is shown",
                trigger: ".o_field_widget[name=amount_approved]",
                run() {
                    if (!/[1-9]/.test(this.anchor.textContent)) {
                        throw new Error(`Approved amount: ${this.anchor.textContent}`);
                    }
                },
            },
        ];
    },
});
