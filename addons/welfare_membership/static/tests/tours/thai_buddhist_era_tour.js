/** @odoo-module */
import { registry } from "@web/core/registry";

/**
 * A Thai officer reads and types Buddhist-era dates: in the members list,
 * in a member's form and its date picker, and in a pivot grouped by month.
 * The test puts in the tab's sessionStorage the member's number
 * ("welfare_be_number"), the join date as it must read in the list
 * ("welfare_be_join"), the birth date as it must read in the form
 * ("welfare_be_birth"), the pivot action ("welfare_be_pivot") and a month
 * label the pivot must show ("welfare_be_month").
 */
function expected(key) {
    return sessionStorage.getItem(key);
}

function checkText(element, text, what) {
    const shown = (element.value ?? element.textContent).trim();
    if (shown !== text) {
        throw new Error(`${what}: "${shown}", expected "${text}"`);
    }
}

registry.category("web_tour.tours").add("welfare_thai_buddhist_era", {
    url: "/odoo/action-welfare_membership.welfare_member_action",
    steps: () => [
        {
            content: "The list shows the join date in the Buddhist era",
            trigger: `.o_list_view .o_data_row:has(.o_data_cell[name=member_number]:contains("${expected(
                "welfare_be_number"
            )}")) .o_data_cell[name=join_date]`,
            run() {
                checkText(this.anchor, expected("welfare_be_join"), "Join date in the list");
            },
        },
        {
            content: "Open the member",
            trigger: `.o_list_view .o_data_row .o_data_cell[name=member_number]:contains("${expected(
                "welfare_be_number"
            )}")`,
            run: "click",
        },
        {
            content: "The form shows the birth date in the Buddhist era",
            trigger: ".o_form_view .o_field_widget[name=birthdate] input",
            run() {
                checkText(this.anchor, expected("welfare_be_birth"), "Birth date in the form");
            },
        },
        {
            content: "Open the date picker",
            trigger: ".o_form_view .o_field_widget[name=birthdate] input",
            run: "click",
        },
        {
            content: "The picker's month is of the Buddhist era",
            trigger: ".o_datetime_picker .o_datetime_picker_header .o_header_part",
            run() {
                const year = expected("welfare_be_birth").slice(-4);
                if (!this.anchor.textContent.includes(year)) {
                    throw new Error(`Picker title: "${this.anchor.textContent}", no ${year}`);
                }
            },
        },
        {
            content: "Zoom out to the years",
            trigger: ".o_datetime_picker .o_zoom_out",
            run: "click",
        },
        {
            content: "Zoom out to the decades",
            trigger: ".o_datetime_picker .o_zoom_out",
            run: "click",
        },
        {
            content: "The picker's years are of the Buddhist era",
            trigger: ".o_datetime_picker .o_date_item_cell:not(.o_out_of_range)",
            run() {
                const cells = [
                    ...document.querySelectorAll(".o_datetime_picker .o_date_item_cell"),
                ].map((cell) => parseInt(cell.textContent.trim(), 10));
                if (!cells.length || cells.some((year) => !(year > 2400))) {
                    throw new Error(`Years in the picker: ${cells.join(", ")}`);
                }
            },
        },
        {
            content: "Type a Buddhist-era birth date",
            trigger: ".o_form_view .o_field_widget[name=birthdate] input",
            run: "edit 15/01/2512",
        },
        {
            content: "Confirm the date",
            trigger: ".o_form_view .o_field_widget[name=birthdate] input",
            run: "press Enter",
        },
        {
            content: "Save",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "Saved, the date still reads in the Buddhist era",
            timeout: 30000,
            trigger: ".o_form_saved .o_field_widget[name=birthdate] input",
            run() {
                checkText(this.anchor, "15/01/2512", "Birth date after saving");
            },
        },
        {
            content: "Open the members by month of joining",
            trigger: "body",
            run() {
                window.location.href = `/odoo/action-${expected("welfare_be_pivot")}`;
            },
            expectUnloadPage: true,
        },
        {
            content: "The pivot's months are of the Buddhist era",
            timeout: 30000,
            trigger: `.o_pivot tbody th:contains("${expected("welfare_be_month")}")`,
            run() {
                const headers = [...document.querySelectorAll(".o_pivot tbody th")].map(
                    (th) => th.textContent.trim()
                );
                const gregorian = headers.filter((text) => /\b(19|20)\d\d\b/.test(text));
                if (gregorian.length) {
                    throw new Error(`Gregorian years in the pivot: ${gregorian.join(", ")}`);
                }
            },
        },
    ],
});
