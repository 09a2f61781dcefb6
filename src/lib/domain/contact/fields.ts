import { parsePhoneNumberFromString, type CountryCode } from 'libphonenumber-js/min';
import { cleanLine, cleanMultiline, safeHttpUrl } from '../text/display';
import type { CardContacts } from './card-contacts';
import { normaliseEmail } from './email';
import { emptyFields, type ContactFields } from './types';

export { normaliseEmail };

/**
 * E.164 form (+4915155501234) of a phone number, or null when it cannot be a phone number.
 * A number without a country prefix is read in `defaultCountry` (the user's own region).
 */
export function normalisePhone(text: string, defaultCountry?: CountryCode): string | null {
	const candidate = cleanLine(text, 64).replace(/^tel:/i, '');
	if (!/\d/.test(candidate)) return null;
	try {
		const phone = parsePhoneNumberFromString(candidate, defaultCountry);
		return phone && phone.isPossible() ? phone.number : null;
	} catch {
		return null;
	}
}

/** A stored (E.164) phone number as people write it ("+234 803 555 0142"); other text as it is. */
export function formatPhone(text: string): string {
	try {
		return parsePhoneNumberFromString(text)?.formatInternational() ?? text;
	} catch {
		return text;
	}
}

/** True for a stored (already normalised) email address: safe for a mailto: link. */
export function isStoredEmail(text: string): boolean {
	return /^[^\s@:/?#]+@[^\s@:/?#]+$/.test(text);
}

/** True for a stored E.164 phone number: safe for tel:, sms: and wa.me links. */
export function isE164(text: string): boolean {
	return /^\+\d{4,16}$/.test(text);
}

/** True for a LinkedIn profile or company page URL. */
export function isLinkedInUrl(url: string): boolean {
	try {
		const { hostname } = new URL(url);
		return hostname === 'linkedin.com' || hostname.endsWith('.linkedin.com');
	} catch {
		return false;
	}
}

export interface FieldInput {
	name?: string;
	org?: string;
	title?: string;
	emails?: string[];
	phones?: string[];
	urls?: string[];
	badgeId?: string;
	/** What the card itself says in a note (vCard NOTE, MECARD NOTE): kept with the conversation. */
	note?: string;
}

// A card's own note is shown and kept whole, within what a QR code could hold in practice.
const CARD_NOTE_MAX = 2_000;

/**
 * Turns raw values pulled out of a payload into validated contact fields: the first valid
 * email, phone and http(s) links win; anything rejected is named in a warning instead. Every valid
 * email and phone, the main ones first, is listed in `contacts` so that none is lost; the card's
 * own note comes back as `cardNote` ('' without one).
 */
export function collectFields(input: FieldInput, defaultCountry?: CountryCode) {
	const fields: ContactFields = emptyFields();
	const warnings: string[] = [];
	const contacts: CardContacts = { emails: [], phones: [] };
	fields.name = cleanLine(input.name ?? '');
	fields.org = cleanLine(input.org ?? '');
	fields.title = cleanLine(input.title ?? '');
	fields.badgeId = cleanLine(input.badgeId ?? '', 512);

	for (const raw of input.emails ?? []) {
		if (!raw.trim()) continue;
		const email = normaliseEmail(raw);
		if (!email) warnings.push(`“${cleanLine(raw, 60)}” is not a valid email address, so it was left out.`);
		else if (!contacts.emails.includes(email)) contacts.emails.push(email);
	}
	for (const raw of input.phones ?? []) {
		if (!raw.trim()) continue;
		const phone = normalisePhone(raw, defaultCountry);
		if (!phone) warnings.push(`“${cleanLine(raw, 40)}” doesn't look like a phone number, so it was left out.`);
		else if (!contacts.phones.includes(phone)) contacts.phones.push(phone);
	}
	fields.email = contacts.emails[0] ?? '';
	fields.phone = contacts.phones[0] ?? '';
	for (const raw of input.urls ?? []) {
		if (!raw.trim()) continue;
		const url = safeHttpUrl(raw);
		if (!url) {
			warnings.push(`A link that isn't a web address (“${cleanLine(raw, 40)}”) was left out.`);
		} else if (isLinkedInUrl(url)) {
			fields.linkedin ||= url;
		} else {
			fields.url ||= url;
		}
	}
	return { fields, warnings, contacts, cardNote: cleanMultiline(input.note ?? '', CARD_NOTE_MAX) };
}

export type FieldErrors = Partial<Record<keyof ContactFields, string>>;

/**
 * Checks contact fields as edited by the user before saving: the email must be valid, the phone a
 * real number (stored as E.164), links http(s) only. Empty fields are fine.
 */
export function tidyContactFields(
	input: ContactFields,
	defaultCountry?: CountryCode
): { fields: ContactFields; errors: FieldErrors } {
	const errors: FieldErrors = {};
	const fields: ContactFields = {
		name: cleanLine(input.name),
		org: cleanLine(input.org),
		title: cleanLine(input.title),
		email: cleanLine(input.email, 254),
		phone: cleanLine(input.phone, 40),
		linkedin: cleanLine(input.linkedin, 2048),
		url: cleanLine(input.url, 2048),
		badgeId: cleanLine(input.badgeId, 512)
	};
	if (fields.email) {
		const email = normaliseEmail(fields.email);
		if (email) fields.email = email;
		else errors.email = 'This email address does not look right.';
	}
	if (fields.phone) {
		const phone = normalisePhone(fields.phone, defaultCountry);
		if (phone) fields.phone = phone;
		else errors.phone = 'This does not look like a phone number. Include the country code, e.g. +44.';
	}
	for (const key of ['linkedin', 'url'] as const) {
		if (!fields[key]) continue;
		const url = safeHttpUrl(/^https?:\/\//i.test(fields[key]) ? fields[key] : `https://${fields[key]}`);
		if (url) fields[key] = url;
		else errors[key] = 'Use a web address starting with https://.';
	}
	return { fields, errors };
}
