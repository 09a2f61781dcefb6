/**
 * vCard 3.0 written by hand: a handful of lines, so the card page that strangers open can offer
 * "Save contact" without a calendar library. It writes exactly what ical.js writes for the same
 * entry (a unit test compares the two on generated cards): RFC 2426 text escaping and lines
 * folded at 75 octets.
 */

import { oneLine } from '../text/line-breaks';
import { escapeText, foldOctets } from '../text/content-lines';

/** What goes into a vCard we write; empty values are left out. */
export interface VCardEntry {
	name: string;
	org?: string;
	title?: string;
	phone?: string;
	email?: string;
	urls?: string[];
	note?: string;
}

/** Splits a full name into vCard N parts; family-name-first for CJK names. */
export function structuredName(name: string): string[] {
	const parts = name.split(' ').filter(Boolean);
	if (parts.length < 2) return [name, '', '', '', ''];
	if (/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(name)) {
		return [parts[0]!, parts.slice(1).join(' '), '', '', ''];
	}
	return [parts.at(-1)!, parts.slice(0, -1).join(' '), '', '', ''];
}

const text = escapeText;
// ical.js's fold, byte for byte: 75 octets after each continuation space.
const fold = (line: string) => foldOctets(line, 75);

/** A vCard 3.0 that phones' contact apps import; no PRODID or REV, so a card stays small enough for a QR code. */
export function vCardText(entry: VCardEntry): string {
	const lines = ['VERSION:3.0', `N:${structuredName(entry.name).map(text).join(';')}`, `FN:${text(entry.name)}`];
	if (entry.org) lines.push(`ORG:${text(entry.org)}`);
	if (entry.title) lines.push(`TITLE:${text(entry.title)}`);
	if (entry.phone) lines.push(`TEL;TYPE=cell:${oneLine(entry.phone)}`);
	if (entry.email) lines.push(`EMAIL:${text(entry.email)}`);
	for (const url of entry.urls ?? []) if (url) lines.push(`URL:${oneLine(url)}`);
	if (entry.note) lines.push(`NOTE:${text(entry.note)}`);
	return ['BEGIN:VCARD', ...lines.map(fold), 'END:VCARD', ''].join('\r\n');
}
