import { after, describe, expect, test } from "@odoo/hoot";
import { patchWithCleanup } from "@web/../tests/web_test_helpers";

import {
    formatDate,
    formatDateTime,
    parseDate,
    parseDateTime,
    serializeDate,
    serializeDateTime,
} from "@web/core/l10n/dates";
import { localization } from "@web/core/l10n/localization";
import { toBuddhistEraText, toGregorianText } from "@welfare_base/l10n/buddhist_era";

const { DateTime, Settings } = luxon;

/** The user's language for the test: Luxon's locale and the date formats. */
function speak(locale) {
    const previous = Settings.defaultLocale;
    Settings.defaultLocale = locale;
    after(() => {
        Settings.defaultLocale = previous;
    });
    patchWithCleanup(localization, {
        dateFormat: "dd/MM/yyyy",
        dateTimeFormat: "dd/MM/yyyy HH:mm:ss",
    });
}

describe("Buddhist era for Thai users", () => {
    test("dates are shown in the Buddhist era", () => {
        speak("th-TH");
        const day = DateTime.fromObject({ year: 2026, month: 1, day: 15 });
        expect(formatDate(day)).toBe("15/01/2569");
        const moment = DateTime.fromObject({ year: 2026, month: 1, day: 15, hour: 9 });
        expect(formatDateTime(moment)).toBe("15/01/2569 09:00:00");
        expect(day.toFormat("MMM yyyy")).toBe("ม.ค. 2569");
    });

    test("the server still gets ISO dates", () => {
        speak("th-TH");
        const day = DateTime.fromObject({ year: 2026, month: 1, day: 15 });
        expect(serializeDate(day)).toBe("2026-01-15");
        expect(serializeDateTime(day.set({ hour: 9 }).setZone("utc", { keepLocalTime: true }))).toBe(
            "2026-01-15 09:00:00"
        );
    });

    test("a typed Buddhist-era year is stored as its Gregorian year", () => {
        speak("th-TH");
        expect(serializeDate(parseDate("15/01/2569"))).toBe("2026-01-15");
        // 29 February 2567 B.E. exists (2024 was a leap year), 2567 CE has none
        expect(serializeDate(parseDate("29/02/2567"))).toBe("2024-02-29");
        // typed without separators
        expect(serializeDate(parseDate("15012569"))).toBe("2026-01-15");
        expect(parseDateTime("15/01/2569 09:30:00").toFormat("yyyy-MM-dd HH:mm")).toBe(
            "2026-01-15 09:30"
        );
    });

    test("a year below 2400 is read as Gregorian", () => {
        speak("th-TH");
        expect(serializeDate(parseDate("15/01/2026"))).toBe("2026-01-15");
        expect(formatDate(parseDate("15/01/2026"))).toBe("15/01/2569");
    });

    test("other languages are unchanged", () => {
        speak("en-US");
        const day = DateTime.fromObject({ year: 2026, month: 1, day: 15 });
        expect(formatDate(day)).toBe("15/01/2026");
        expect(serializeDate(parseDate("15/01/2026"))).toBe("2026-01-15");
        // 2569 is a (far) Gregorian year in English
        expect(serializeDate(parseDate("15/01/2569"))).toBe("2569-01-15");
    });

    test("texts of the pickers and years typed", () => {
        expect(toBuddhistEraText("มกราคม 2026")).toBe("มกราคม 2569");
        expect(toBuddhistEraText("2019 - 2030")).toBe("2562 - 2573");
        expect(toBuddhistEraText("15")).toBe("15");
        expect(toGregorianText("15/01/2569", "dd/MM/yyyy")).toBe("15/01/2026");
        expect(toGregorianText("15/01/2026", "dd/MM/yyyy")).toBe("15/01/2026");
        expect(toGregorianText("15012569", "ddMMyyyy")).toBe("15012026");
    });
});
