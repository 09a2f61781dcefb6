import ICAL from 'ical.js';

type DesignSet = typeof ICAL.design.vcard3;

/**
 * ical.js's vCard design sets with iCalendar's text rules: `\;` is escaped on write and unescaped
 * on read in every text value. vCard 3.0 (RFC 2426) requires that, and cards in the wild use it in
 * 4.0 too; ical.js's own vCard text type leaves a stray backslash in "Doe\; Jane".
 */
function withEscapedSemicolons(set: DesignSet): DesignSet {
	return { ...set, value: { ...set.value, text: ICAL.design.icalendar.value.text } };
}

export const VCARD3_DESIGN = withEscapedSemicolons(ICAL.design.vcard3);
export const VCARD4_DESIGN = withEscapedSemicolons(ICAL.design.vcard);
