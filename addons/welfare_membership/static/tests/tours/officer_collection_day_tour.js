/** @odoo-module */
import { registry } from "@web/core/registry";

/**
 * The demo fund officer opens a collection day, types two members' numbers
 * (the amount due is proposed for each), closes the day, which confirms the
 * payments and numbers the receipts, and prints the receipts. The numbers
 * come from the tab's sessionStorage ("welfare_collect_numbers", separated
 * by commas); the test checks the payments and the printed report after.
 */
function scanSteps() {
    const numbers = (sessionStorage.getItem("welfare_collect_numbers") || "").split(",");
    return numbers.flatMap((number, index) => [
        {
            content: `Type member number ${number}`,
            trigger: ".o_field_widget[name=scan_code] input",
            run: `edit ${number}`,
        },
        {
            content: "Enter adds the payment line",
            trigger: ".o_field_widget[name=scan_code] input",
            run: "press Enter",
        },
        {
            content: `Line ${index + 1} is there, with the amount due`,
            timeout: 30000,
            trigger: `.o_field_widget[name=contribution_ids] .o_data_row:nth-child(${index + 1}) .o_data_cell[name=amount]`,
            run() {
                if (!/[1-9]/.test(this.anchor.textContent)) {
                    throw new Error(`Amount proposed: ${this.anchor.textContent}`);
                }
            },
        },
    ]);
}

/**
 * Marks the body with the report URL the web client downloads
 * (data-welfare-report) and the server's answer (data-welfare-report-status).
 */
function watchReportDownloads() {
    const { open, send } = XMLHttpRequest.prototype;
    XMLHttpRequest.prototype.open = function (method, url, ...rest) {
        this.welfareUrl = url;
        return open.call(this, method, url, ...rest);
    };
    XMLHttpRequest.prototype.send = function (body) {
        if (this.welfareUrl === "/report/download" && body instanceof FormData) {
            const [url] = JSON.parse(body.get("data"));
            this.addEventListener("loadend", () => {
                document.body.dataset.welfareReport = url;
                document.body.dataset.welfareReportStatus = String(this.status);
            });
        }
        return send.call(this, body);
    };
}

registry.category("web_tour.tours").add("welfare_officer_collection_day", {
    url: "/odoo/action-welfare_membership.welfare_collection_action",
    steps: () => [
        {
            content: "Open a new collection day",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "The day's fund is the officer's own",
            trigger: ".o_field_widget[name=fund_id] input",
            run() {
                if (!this.anchor.value) {
                    throw new Error("No fund proposed for the collection day");
                }
            },
        },
        ...scanSteps(),
        {
            content: "Save the day",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "Saved",
            timeout: 30000,
            trigger: ".o_form_saved",
        },
        {
            content: "Close the day and confirm every payment",
            trigger: ".o_statusbar_buttons button[name=action_close]",
            run: "click",
        },
        {
            content: "Yes, close it",
            trigger: ".modal-footer .btn-primary",
            run: "click",
        },
        {
            content: "The receipts are numbered",
            timeout: 30000,
            trigger: ".o_field_widget[name=contribution_ids] .o_data_row .o_data_cell[name=receipt_number]:not(:empty)",
        },
        {
            content: "Watch what the browser downloads",
            trigger: ".o_statusbar_buttons button[name=action_print_receipts]",
            run() {
                watchReportDownloads();
            },
        },
        {
            content: "Print the receipts",
            trigger: ".o_statusbar_buttons button[name=action_print_receipts]",
            run: "click",
        },
        {
            content: "The receipts PDF was downloaded",
            timeout: 30000,
            trigger:
                "body[data-welfare-report-status='200'][data-welfare-report*='/report/pdf/welfare_membership.report_contribution_receipt/']",
        },
    ],
});
