/** @odoo-module */
import { registry } from "@web/core/registry";

/**
 * The network reviewer opens the grades dashboard as they log in: without
 * ticking anything in the company switcher, every fund of the province is
 * counted, and the share of funds over the years totals 100 %.
 * The test puts the number of confirmed assessments it expects in the tab's
 * sessionStorage ("welfare_expected_funds") before starting the tour.
 */
registry.category("web_tour.tours").add("welfare_network_grade_dashboard", {
    url: "/odoo/action-welfare_assessment.welfare_assessment_report_action",
    steps: () => [
        {
            content: "The grades pivot is shown",
            trigger: ".o_pivot table tbody tr td.o_pivot_cell_value",
        },
        {
            content: "Every fund is counted and the shares total 100 %",
            trigger: ".o_pivot table tbody tr:first-child td.o_pivot_cell_value",
            run() {
                const row = this.anchor.closest("tr");
                const cells = [...row.querySelectorAll("td.o_pivot_cell_value")].map(
                    (td) => td.textContent.trim()
                );
                // the "Total" column: the fund count, then the share
                const [count, share] = cells.slice(-2);
                const expected = sessionStorage.getItem("welfare_expected_funds");
                if (count !== expected) {
                    throw new Error(`Total funds: ${count}, expected ${expected}`);
                }
                if (!/^100[.,]0+$/.test(share)) {
                    throw new Error(`Total share: ${share}, expected 100`);
                }
            },
        },
    ],
});
