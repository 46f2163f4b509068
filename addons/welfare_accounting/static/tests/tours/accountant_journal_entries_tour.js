/** @odoo-module */
import { registry } from "@web/core/registry";

/**
 * The demo fund's accountant opens the journal entries: the posted entries
 * of their fund are listed, and an entry opens on its lines. The test puts
 * the number of posted entries of the fund in the tab's sessionStorage
 * ("welfare_expected_entries").
 */
registry.category("web_tour.tours").add("welfare_accountant_journal_entries", {
    url: "/odoo/action-account.action_move_journal_line",
    steps: () => [
        {
            content: "The fund's posted entries are counted",
            timeout: 30000,
            trigger: ".o_list_view .o_pager_limit",
            run() {
                const expected = sessionStorage.getItem("welfare_expected_entries");
                if (this.anchor.textContent.trim() !== expected) {
                    throw new Error(
                        `${this.anchor.textContent.trim()} entries listed, expected ${expected}`
                    );
                }
            },
        },
        {
            content: "Open the first entry",
            trigger: ".o_list_view .o_data_row:first-child .o_data_cell[name=name]",
            run: "click",
        },
        {
            content: "The entry is posted",
            timeout: 30000,
            trigger: ".o_form_view .o_statusbar_status .o_arrow_button_current[data-value=posted]",
        },
        {
            content: "Its lines are shown, balanced",
            trigger: ".o_form_view .o_field_widget[name=line_ids] .o_data_row",
            run() {
                const rows = document.querySelectorAll(
                    ".o_field_widget[name=line_ids] .o_data_row"
                );
                if (rows.length < 2) {
                    throw new Error(`${rows.length} line(s) in the entry`);
                }
            },
        },
    ],
});
