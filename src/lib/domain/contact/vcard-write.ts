import ICAL from 'ical.js';
import { oneLine, unifyLineBreaks } from '../text/line-breaks';
import { VCARD3_DESIGN } from './vcard-design';
import { structuredName, type VCardEntry } from './vcard-text';

// The entry and the name split live with the hand-written writer, which the card page uses.
export { structuredName, type VCardEntry };

/**
 * ical.js escapes LF in text but lets a bare CR through, and a link or phone number is never
 * escaped: each would end the line there in the file (and start a contact of its own).
 */
function lineSafe(entry: VCardEntry): VCardEntry {
	const text = (value?: string) => (value === undefined ? undefined : unifyLineBreaks(value));
	return {
		name: unifyLineBreaks(entry.name),
		org: text(entry.org),
		title: text(entry.title),
		phone: entry.phone === undefined ? undefined : oneLine(entry.phone),
		email: text(entry.email),
		urls: entry.urls?.map(oneLine),
		note: text(entry.note)
	};
}

/**
 * A vCard 3.0 that phones' contact apps import. ical.js does the escaping (with RFC 2426's rules for
 * text); no PRODID or REV, so a card stays small enough for a QR code.
 */
export function writeVCard(written: VCardEntry): string {
	const entry = lineSafe(written);
	const vcard = new ICAL.Component(['vcard', [], []]);
	vcard.addPropertyWithValue('version', '3.0');
	const n = new ICAL.Property('n', vcard);
	n.setValue(structuredName(entry.name) as unknown as string);
	vcard.addProperty(n);
	vcard.addPropertyWithValue('fn', entry.name);
	if (entry.org) {
		const org = new ICAL.Property('org', vcard);
		org.setValue([entry.org] as unknown as string);
		vcard.addProperty(org);
	}
	if (entry.title) vcard.addPropertyWithValue('title', entry.title);
	if (entry.phone) vcard.addPropertyWithValue('tel', entry.phone).setParameter('type', 'cell');
	if (entry.email) vcard.addPropertyWithValue('email', entry.email);
	for (const url of entry.urls ?? []) if (url) vcard.addPropertyWithValue('url', url);
	if (entry.note) vcard.addPropertyWithValue('note', entry.note);
	return ICAL.stringify.component(vcard.toJSON(), VCARD3_DESIGN) + '\r\n';
}
