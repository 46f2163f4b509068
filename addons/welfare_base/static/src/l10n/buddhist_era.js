/** @odoo-module */
/**
 * Buddhist-era dates in the web client for Thai users.
 *
 * A user whose language is Thai reads and types years of the Buddhist era
 * (พ.ศ. 2569 = 2026): in lists, forms, search facets and the date pickers.
 * What the client sends to the server and keeps in its records stays ISO
 * (Gregorian): only the text shown and typed changes.
 *
 * - Shown: Luxon's toFormat() prints the year of the Buddhist calendar
 *   (Intl's "buddhist" calendar) when the date's locale is Thai, for every
 *   format with a year except the machine ones ("yyyy-MM-dd...").
 * - Typed: a 4-digit year of 2400 or more is a Buddhist-era year
 *   (2400 B.E. is 1857; no fund records a Gregorian date that late), and
 *   becomes the Gregorian year before Luxon reads the date; a year below
 *   2400 is read as Gregorian ("15/01/2026" is 15 January 2026, shown
 *   back as 15/01/2569).
 * - The pickers show the months and years of the Buddhist era.
 * Other languages are unchanged.
 */
import { DateTimePicker } from "@web/core/datetime/datetime_picker";
import { patch } from "@web/core/utils/patch";

const { DateTime, Settings } = luxon;

export const BE_OFFSET = 543;
/** The first year read as Buddhist era when typed. */
export const BE_FIRST_YEAR = 2400;

/**
 * @param {string} [locale] a BCP 47 locale (Luxon's), Luxon's default if not given
 */
export function isThaiLocale(locale = Settings.defaultLocale) {
    return /^th(?:[-_]|$)/i.test(locale || "");
}

/**
 * Whether dates printed or read with ``format`` are for people: the format
 * has a year and is not the server's ("yyyy-MM-dd", "yyyy-MM-dd HH:mm:ss").
 * @param {string} format a Luxon format
 */
export function isHumanYearFormat(format) {
    return typeof format === "string" && /y/.test(format) && !/^y+-/.test(format);
}

/**
 * ``text`` (a date typed in ``format``) with a Buddhist-era year replaced by
 * the Gregorian year: "15/01/2569" -> "15/01/2026". Years below 2400 and
 * texts without a 4-digit year are left as they are.
 * @param {string} text
 * @param {string} format
 */
export function toGregorianText(text, format) {
    const separated = text.replace(/(^|\D)(\d{4})(?=\D|$)/, (match, before, digits) => {
        const year = parseInt(digits, 10);
        return year >= BE_FIRST_YEAR ? `${before}${year - BE_OFFSET}` : match;
    });
    if (separated !== text) {
        return separated;
    }
    // digits typed without separators ("15012569" for "ddMMyyyy")
    const at = format.indexOf("yyyy");
    if (/^\d+$/.test(text) && /^[a-zA-Z]+$/.test(format) && at >= 0) {
        const year = parseInt(text.slice(at, at + 4), 10);
        if (text.length === format.length && year >= BE_FIRST_YEAR) {
            return `${text.slice(0, at)}${year - BE_OFFSET}${text.slice(at + 4)}`;
        }
    }
    return text;
}

/**
 * ``text`` with its Gregorian years (1800-2399) written in the Buddhist era:
 * "มกราคม 2026" -> "มกราคม 2569", "2019 - 2030" -> "2562 - 2573".
 * @param {string} text
 */
export function toBuddhistEraText(text) {
    return String(text).replace(/(^|\D)(1[89]\d\d|2[0-3]\d\d)(?=\D|$)/g, (match, before, digits) =>
        `${before}${parseInt(digits, 10) + BE_OFFSET}`
    );
}

// ---------------------------------------------------------------------------
// Luxon: printing and reading dates
// ---------------------------------------------------------------------------

const gregorianToFormat = DateTime.prototype.toFormat;
const gregorianFromFormat = DateTime.fromFormat;

DateTime.prototype.toFormat = function (format, options = {}) {
    if (
        this.isValid &&
        !options.outputCalendar &&
        isThaiLocale(options.locale || this.locale) &&
        isHumanYearFormat(format)
    ) {
        return gregorianToFormat.call(this, format, { ...options, outputCalendar: "buddhist" });
    }
    return gregorianToFormat.call(this, format, options);
};

DateTime.fromFormat = function (text, format, options = {}) {
    if (
        typeof text === "string" &&
        isThaiLocale(options.locale || Settings.defaultLocale) &&
        isHumanYearFormat(format)
    ) {
        text = toGregorianText(text, format);
    }
    return gregorianFromFormat.call(this, text, format, options);
};

// ---------------------------------------------------------------------------
// Date pickers: titles and years of the Buddhist era
// ---------------------------------------------------------------------------

patch(DateTimePicker.prototype, {
    onWillRender() {
        super.onWillRender(...arguments);
        if (!isThaiLocale()) {
            return;
        }
        this.title = Array.isArray(this.title)
            ? this.title.map(toBuddhistEraText)
            : toBuddhistEraText(this.title);
        if (["years", "decades"].includes(this.state.precision)) {
            this.items = this.items.map((item) => ({
                ...item,
                label: toBuddhistEraText(item.label),
            }));
        }
    },
});
