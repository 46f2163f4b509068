/** @odoo-module */
import { registry } from "@web/core/registry";

/**
 * A member behind with their contributions sees the PromptPay QR code of the
 * amount due on their membership page.
 */
registry.category("web_tour.tours").add("welfare_portal_promptpay_qr", {
    url: "/my/welfare",
    steps: () => [
        {
            content: "The PromptPay QR code of the amount due",
            trigger: "#welfare_portal_payment .o_welfare_promptpay_qr[src^='data:image/png']",
        },
        {
            content: "The amount of the code is the amount due",
            trigger: ".o_welfare_promptpay_amount:contains(90.00)",
        },
        {
            content: "The reference to keep",
            trigger: ".o_welfare_promptpay_reference",
        },
    ],
});

/**
 * After the money is matched, the member sees the receipt and no code.
 */
registry.category("web_tour.tours").add("welfare_portal_promptpay_paid", {
    url: "/my/welfare",
    steps: () => [
        {
            content: "The PromptPay payment is listed with its receipt",
            trigger:
                ".o_welfare_contributions li:has(.o_welfare_promptpay_paid):contains(R0) .o_welfare_receipt_link",
        },
        {
            content: "Nothing more is due: the payment block is empty again",
            trigger: "#welfare_portal_payment:not(:visible):not(:has(.o_welfare_promptpay))",
        },
    ],
});
