/** @odoo-module */
import { registry } from "@web/core/registry";

/**
 * A member on their phone: from "My account" to their membership, sees the
 * status and the payments, downloads a receipt, then asks for a benefit.
 */
registry.category("web_tour.tours").add("welfare_portal_member", {
    url: "/my",
    steps: () => [
        {
            content: "The membership entry on the member's home",
            trigger: ".o_portal_index_card a[href='/my/welfare']",
            run: "click",
        },
        {
            content: "The status and the paid-until day are shown",
            trigger: "#welfare_portal_status .o_welfare_member_state",
        },
        {
            content: "Paid until a Buddhist-era day",
            trigger: ".o_welfare_paid_until:contains(25)",
        },
        {
            content: "The payment block's place is there",
            trigger: "#welfare_portal_payment:not(:visible)",
        },
        {
            content: "The contributions are listed; the receipt downloads",
            trigger: ".o_welfare_contributions .o_welfare_receipt_link",
            async run() {
                const response = await fetch(this.anchor.getAttribute("href"));
                const type = response.headers.get("Content-Type");
                const disposition = response.headers.get("Content-Disposition") || "";
                if (response.status !== 200 || type !== "application/pdf") {
                    throw new Error(`Receipt: ${response.status} ${type}`);
                }
                if (!disposition.includes("attachment")) {
                    throw new Error(`Receipt not downloaded: ${disposition}`);
                }
            },
        },
        {
            content: "Ask for a benefit",
            trigger: "a.o_welfare_new_claim",
            run: "click",
        },
        {
            content: "Choose a benefit that is not about health",
            trigger: "select#welfare_benefit",
            run() {
                const option = [...this.anchor.options].find(
                    (o) => o.value && o.dataset.health === "0"
                );
                this.anchor.value = option.value;
                this.anchor.dispatchEvent(new Event("change", { bubbles: true }));
            },
        },
        {
            content: "The day of the event: yesterday",
            trigger: "input#welfare_event_date",
            run() {
                const day = new Date(Date.now() - 86400000);
                this.anchor.value = day.toISOString().slice(0, 10);
            },
        },
        {
            content: "What happened",
            trigger: "textarea#welfare_description",
            run() {
                this.anchor.value = "ขอรับสวัสดิการจากโทรศัพท์ ทดสอบระบบ";
            },
        },
        {
            content: "Send the request",
            trigger: "button.o_welfare_claim_submit",
            run: "click",
        },
        {
            content: "The request is sent and followed on its page",
            trigger: ".o_welfare_claim_sent",
        },
    ],
});
