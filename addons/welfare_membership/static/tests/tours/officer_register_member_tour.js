/** @odoo-module */
import { registry } from "@web/core/registry";

/**
 * The demo fund officer registers a new member from the members list:
 * name, national ID and data consent, then saves. The test reads the
 * national ID it expects from the tab's sessionStorage
 * ("welfare_new_member_id") and checks the member in the database after.
 */
registry.category("web_tour.tours").add("welfare_officer_register_member", {
    url: "/odoo/action-welfare_membership.welfare_member_action",
    steps: () => [
        {
            content: "Open a new member form",
            trigger: ".o_control_panel_main_buttons .o_list_button_add",
            run: "click",
        },
        {
            content: "Title",
            trigger: ".o_field_widget[name=name_title] select",
            run: "selectByIndex 1",
        },
        {
            content: "First name",
            trigger: ".o_field_widget[name=first_name] input",
            run: "edit ทองใบ",
        },
        {
            content: "Last name",
            trigger: ".o_field_widget[name=last_name] input",
            run: "edit ทดลองสมัคร",
        },
        {
            content: "National ID typed",
            trigger: ".o_field_widget[name=national_id] input",
            async run(helpers) {
                await helpers.edit(sessionStorage.getItem("welfare_new_member_id"));
            },
        },
        {
            content: "The member's fund is the officer's own",
            trigger: ".o_field_widget[name=fund_id] input",
            run() {
                if (!this.anchor.value) {
                    throw new Error("No fund proposed for the new member");
                }
            },
        },
        {
            content: "Save",
            trigger: ".o_form_button_save:enabled",
            run: "click",
        },
        {
            content: "Saved: the form shows the new member's name",
            timeout: 30000,
            trigger: ".o_form_saved .o_field_widget[name=name]:contains(ทองใบ)",
        },
    ],
});
