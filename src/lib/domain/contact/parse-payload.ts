import type { CountryCode } from 'libphonenumber-js/min';
import { cardFragmentOf, decodeCardFragment } from '../card/share-link';
import { cleanLine } from '../text/display';
import { scannedText, sliceText } from '../text/storable';
import { collectFields, type FieldInput } from './fields';
import { readJsonCard } from './json-card';
import { looksLikeMeCard, readMeCard, readMeCardEntry } from './mecard';
import { explainNotAPerson } from './not-a-person';
import { guessNameFromEmail, guessNameFromLinkedIn } from './name-guess';
import { guessFromDelimited } from './opaque-badge';
import { emptyFields, type ContactFields, type ParsedPayload, type PayloadKind } from './types';
import { isLinear, type Symbology } from './symbology';
import { looksLikeVCard, readVCard } from './vcard';

export interface ParseOptions {
	/** Region for phone numbers written without a country prefix, e.g. the user's own. */
	defaultCountry?: CountryCode;
	/** The kind of code the text was read from, when the scanner says. */
	symbology?: Symbology;
}

// The largest QR code holds about 7,000 digits; anything longer did not come from one.
const MAX_PAYLOAD = 16_384;

function decodeUriPart(text: string): string {
	try {
		return decodeURIComponent(text);
	} catch {
		return text;
	}
}

function classify(text: string): { kind: PayloadKind; input: FieldInput; warnings: string[] } {
	if (looksLikeVCard(text)) {
		const { input, unreadable } = readVCard(text);
		const warnings = unreadable
			? [
					`${unreadable} line${unreadable === 1 ? '' : 's'} of this card couldn't be read and ${unreadable === 1 ? 'was' : 'were'} skipped.`
				]
			: [];
		return { kind: 'vcard', input, warnings };
	}
	if (looksLikeMeCard(text)) return { kind: 'mecard', input: readMeCard(text), warnings: [] };
	if (/^mailto:/i.test(text)) {
		const address = decodeUriPart(text.slice(7).split('?')[0] ?? '');
		return { kind: 'mailto', input: { emails: [address] }, warnings: [] };
	}
	if (/^tel:/i.test(text)) return { kind: 'tel', input: { phones: [text.slice(4)] }, warnings: [] };
	if (/^MEBKM:/i.test(text)) {
		// A bookmark (DoCoMo format): its URL may well be the person's page.
		const url = readMeCardEntry(text.replace(/^MEBKM:/i, ''), 'URL');
		return { kind: 'url', input: { urls: [url] }, warnings: [] };
	}
	const cardFragment = cardFragmentOf(text);
	if (cardFragment) {
		// A share-back link from this app: the card is inside the link, read here, offline.
		const decoded = decodeCardFragment(cardFragment);
		if (decoded.ok) {
			const { card } = decoded;
			return {
				kind: 'url',
				input: {
					name: card.name,
					org: card.company,
					title: card.title,
					emails: [card.email],
					phones: [card.phone],
					urls: [card.link]
				},
				warnings: []
			};
		}
		return { kind: 'url', input: { urls: [text] }, warnings: [decoded.message] };
	}
	// "linkedin://in/<slug>", the LinkedIn app's link, printed on some badges: the profile itself.
	const app = /^linkedin:\/\/(?:www\.)?in\/([\p{L}\p{N}%_-]+)\/?$/iu.exec(text);
	if (app) return { kind: 'url', input: { urls: [`https://www.linkedin.com/in/${app[1]}`] }, warnings: [] };
	if (/^https?:\/\//i.test(text)) {
		// A code that is only a link (a ticket or personal page) identifies its holder like a badge
		// id does, so scanning it again finds the same person; a LinkedIn profile already does.
		const badgeId = /linkedin\.com\//i.test(text) ? undefined : text;
		return { kind: 'url', input: { urls: [text], badgeId }, warnings: [] };
	}
	const json = readJsonCard(text);
	if (json) return { kind: 'json', input: json, warnings: [] };
	return { kind: 'opaque', input: { badgeId: text }, warnings: [] };
}

function suggestionsFor(
	kind: PayloadKind,
	fields: ContactFields,
	text: string,
	options: ParseOptions
): Partial<ContactFields> {
	if (fields.name) return {};
	if (kind === 'url' && fields.linkedin) {
		const name = guessNameFromLinkedIn(fields.linkedin);
		return name ? { name } : {};
	}
	if (kind === 'mailto' && fields.email) {
		const name = guessNameFromEmail(fields.email);
		return name ? { name } : {};
	}
	if (kind === 'opaque') {
		const guess = guessFromDelimited(text, options.defaultCountry);
		return Object.fromEntries(Object.entries(guess).map(([k, v]) => [k, cleanLine(v)]));
	}
	return {};
}

/**
 * Turns whatever a 2D code (QR, Aztec, PDF417, Data Matrix…) held into a person to review: vCard
 * 2.1/3.0/4.0, MECARD, LinkedIn or other web links, `mailto:`, `tel:`, JSON with common keys, or
 * an opaque badge id. A 1D barcode (Code 128, Code 39) is always a badge id. Never throws; codes
 * that are not a person say so in `notAPerson`.
 */
export function parseBadgePayload(raw: string, options: ParseOptions = {}): ParsedPayload {
	const kept = sliceText(String(raw ?? ''), MAX_PAYLOAD);
	const text = kept.trim();
	const { symbology } = options;
	// Kept with the conversation and synced: as Postgres can store it (the fields are cleaned too).
	const base = { suggestions: {}, needsName: true, raw: scannedText(kept), ...(symbology && { symbology }) };
	if (!text) {
		return { ...base, kind: 'empty', fields: emptyFields(), warnings: ['This code is empty.'] };
	}
	if (symbology && isLinear(symbology)) {
		// A registration number: what it looks like (a link, "WIFI:…") says nothing about the person.
		return { ...base, kind: 'opaque', fields: { ...emptyFields(), badgeId: cleanLine(text, 512) }, warnings: [] };
	}
	const notAPerson = explainNotAPerson(text);
	if (notAPerson) {
		return { ...base, kind: 'not-a-person', fields: emptyFields(), warnings: [], notAPerson };
	}
	try {
		const { kind, input, warnings } = classify(text);
		const collected = collectFields(input, options.defaultCountry);
		const { contacts, cardNote } = collected;
		return {
			...base,
			kind,
			fields: collected.fields,
			...((contacts.emails.length > 1 || contacts.phones.length > 1) && { contacts }),
			...(cardNote && { cardNote }),
			suggestions: suggestionsFor(kind, collected.fields, text, options),
			needsName: !collected.fields.name,
			warnings: [...warnings, ...collected.warnings]
		};
	} catch {
		// A reader bug must not lose the scan: keep it as an id the person can name.
		const fields = { ...emptyFields(), badgeId: cleanLine(text, 512) };
		return { ...base, kind: 'opaque', fields, warnings: ["This code couldn't be read as a card."] };
	}
}
