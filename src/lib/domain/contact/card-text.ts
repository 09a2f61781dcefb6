import { isSupportedCountry, isValidPhoneNumber, type CountryCode } from 'libphonenumber-js/min';
import { cleanLine, cleanMultiline } from '../text/display';
import { emailAgreement, likeliestEmail, repairEmail, websiteHost } from './card-email';
import { findEmail, findLinkedIn, findPhone, findWebsite } from './card-contact';
import {
	capitalised,
	looksLikeName,
	parts,
	pickPersonLines,
	withoutLogo,
	wordsInAddress,
	type Candidate
} from './card-person';
import { emptyFields, type ContactFields, type ParsedPayload } from './types';

/** A line of text read from a picture, with where it sits (pixels) and how sure the reader was (0–100). */
export interface TextLine {
	text: string;
	confidence: number;
	box: { x: number; y: number; width: number; height: number };
}

const ADDRESS =
	/\b(street|st\.?|road|rd|avenue|ave|suite|floor|level|straße|strasse|gracht|lane|square|blvd|po box)\b|\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b|\b\d{4,5}\b/i;

export interface CardReading {
	/** What was read, for the person to confirm: every field is a guess. */
	fields: ContactFields;
	/**
	 * The fields the reader is unsure of, which the review screen marks: read with low confidence,
	 * or not borne out by the rest of the card (an email neither the name nor the website agrees
	 * with, a company or website apart from the email's domain).
	 */
	unsure: (keyof ContactFields)[];
	/** The text as read, kept with the encounter. */
	text: string;
}

/** Tidies a line of OCR text: stray symbols at its ends (logo edges, icons) and doubled spaces. */
function tidy(text: string): string {
	return cleanLine(text)
		.replace(/^[^\p{L}\p{N}+(@]+/u, '')
		.replace(/[^\p{L}\p{N}.)&]+$/u, '')
		.replace(/\s{2,}/g, ' ');
}

/**
 * Turns the lines OCR read on a business card or badge into contact fields: email, phone, website
 * and LinkedIn by their shape (after undoing OCR's usual confusions), the name as the largest line
 * that reads like a name, the title by its words, the company by its words, by matching the email's
 * or website's domain, or as the next largest line left. `again`: the email's and the name's lines
 * read again on their own; a reading is taken where it agrees better with the rest of the card (the
 * address with the name and website, the name with the address).
 */
export function extractCardFields(
	lines: readonly TextLine[],
	defaultCountry?: CountryCode,
	again: { email?: readonly string[]; name?: readonly string[] } = {}
): CardReading {
	const fields = emptyFields();
	const confidence: Partial<Record<keyof ContactFields, number>> = {};
	const rest: Candidate[] = [];
	const sites: Site[] = [];
	const joined = joinPieces(lines);
	const country = cardCountry(joined, defaultCountry);
	for (const line of joined) {
		const text = tidy(line.text);
		if (!text) continue;
		let contact = false;
		for (const part of [text, ...parts(text)]) {
			const email = findEmail(part, defaultCountry);
			if (email && !fields.email) [fields.email, confidence.email] = [email, line.confidence];
			// A number written the card's own country's way, read on a phone set to another country.
			const phone = likelierPhone(findPhone(part, defaultCountry), country && findPhone(part, country));
			if (phone && !fields.phone) [fields.phone, confidence.phone] = [phone, line.confidence];
			const linkedin = findLinkedIn(part);
			if (linkedin && !fields.linkedin) [fields.linkedin, confidence.linkedin] = [linkedin, line.confidence];
			const url = email || linkedin ? null : findWebsite(part, defaultCountry);
			if (url) sites.push({ url, written: /\b(www|https?)\b|^w\s*[:|]/i.test(part), confidence: line.confidence });
			contact ||= Boolean(email || phone || linkedin || url);
		}
		if (contact || ADDRESS.test(text) || /\d{3,}/.test(text)) continue;
		if (line.confidence < 35 || text.replace(/[^\p{L}]/gu, '').length < 3) continue;
		// What OCR made of a logo or a QR code printed just before the words ("0] Marta Nowak") goes.
		rest.push({
			text: withoutLogo(text, ''),
			height: line.box.height,
			y: line.box.y,
			x: line.box.x,
			confidence: line.confidence
		});
	}
	const site = likeliestSite(sites, fields.email);
	fields.url = site?.url ?? '';
	confidence.url = site?.confidence;
	const person = pickPersonLines(rest, fields);
	Object.assign(confidence, person.confidence);
	const readings = (again.email ?? [])
		.map((text) => findEmail(text, defaultCountry))
		.filter((email): email is string => Boolean(email));
	fields.email = likeliestEmail([fields.email, ...readings], fields);
	for (const name of (again.name ?? []).map(tidy))
		if (looksLikeName(name) && wordsInAddress(name, fields.email) > wordsInAddress(fields.name, fields.email))
			fields.name = capitalised(name);
	const asRead = fields.email;
	fields.email = repairEmail(fields);
	return {
		fields,
		unsure: unsureFields(fields, confidence, person.orgByDomain, asRead),
		text: lines.map((l) => l.text).join('\n')
	};
}

/**
 * The country the card's email address or website ends in (".de", ".co.uk", ".com.au"), when it is
 * not the one numbers are read for already: numbers printed without "+" are that country's way.
 */
function cardCountry(lines: readonly TextLine[], defaultCountry?: CountryCode): CountryCode | undefined {
	for (const line of lines) {
		const text = tidy(line.text);
		const host = findEmail(text, defaultCountry)?.split('@')[1] ?? websiteHost(findWebsite(text, defaultCountry) ?? '');
		const end = host.split('.').at(-1)?.toUpperCase();
		const code = end === 'UK' ? 'GB' : end;
		if (code && code !== defaultCountry && isSupportedCountry(code)) return code;
	}
	return undefined;
}

/**
 * Of a number read the phone's country's way and the card's country's way, the phone's country's
 * unless only the card's is a valid number ("0151 22225095" on a .de card read on a phone set to
 * the US). Not the card's first: a number valid both ways is as often the phone's country's (the
 * old card set has one), and some countries' rules (Germany's) take almost any length.
 */
function likelierPhone(here: string | null, there: string | null | undefined): string | null {
	if (!here || !there || here === there) return here ?? there ?? null;
	return !isValidPhoneNumber(here) && isValidPhoneNumber(there) ? there : here;
}

/** Below this (tesseract's 0–100 per line), a line is taken as read unsurely. */
const SURE_LINE = 80;

function unsureFields(
	fields: ContactFields,
	confidence: Partial<Record<keyof ContactFields, number>>,
	orgByDomain: boolean,
	emailAsRead: string
): (keyof ContactFields)[] {
	const host = websiteHost(fields.url);
	const domain = fields.email.slice(fields.email.lastIndexOf('@') + 1);
	const doubts: Partial<Record<keyof ContactFields, boolean>> = {
		// Mended by the reader, or borne out by neither the name nor the website.
		email: emailAsRead !== fields.email || emailAgreement(fields.email, fields) === 0,
		org: Boolean(fields.email || fields.url) && !orgByDomain,
		url: Boolean(fields.email) && host !== domain
	};
	return (Object.keys(fields) as (keyof ContactFields)[]).filter(
		(key) => fields[key] && key !== 'badgeId' && ((confidence[key] ?? 0) < SURE_LINE || doubts[key])
	);
}

interface Site {
	url: string;
	/** Printed as a website: after "www", "https", or a "W:" label. */
	written: boolean;
	confidence: number;
}

/**
 * The card's website among what looks like one: the one at the email's domain, else one printed as
 * a website (www, https, W:), else the first; a scrap of a logo ("I. co") looks like one too.
 */
function likeliestSite(sites: readonly Site[], email: string): Site | undefined {
	const domain = email.slice(email.lastIndexOf('@') + 1);
	return (
		(email && sites.find((site) => websiteHost(site.url) === domain)) || sites.find((site) => site.written) || sites[0]
	);
}

const bottom = (line: TextLine) => line.box.y + line.box.height;
const DOMAIN_ONLY = /^[a-z0-9-]+(\s?\.\s?[a-z0-9-]+)*\s?\.\s?[a-z]{2,}$/i;

/** The end of an address broken over two lines: at the mark it was broken at, or at a lost hyphen. */
function joinDomain(head: string, tail: string): string {
	const rest = tail.replace(/\s+/g, '');
	return /[-.]$/.test(head) ? head + rest : `${head}-${rest}`;
}

/**
 * Pieces of one printed line that OCR returned apart ("Kestrel Sec" + "urity" side by side; with no
 * space where they touch, as inside "oluw" + "aseun.adeyemi"), and an email address broken at a
 * hyphen or dot ("ada@pinecone-" + "analytics.io" on the line below, the hyphen sometimes lost), put
 * back together. A scrap beside a line ("Greenleaf Foods" + "[") counts for its length in how sure
 * the joined line is, so it does not sink a clearly read line.
 */
export function joinPieces(lines: readonly TextLine[]): TextLine[] {
	const rows = lines.map((line) => ({ ...line, box: { ...line.box } }));
	for (let i = 0; i < rows.length; i++) {
		const a = rows[i]!;
		for (let j = 0; j < rows.length; j++) {
			const b = rows[j]!;
			if (i === j || !a.text || !b.text) continue;
			const overlap = Math.min(bottom(a), bottom(b)) - Math.max(a.box.y, b.box.y);
			const gap = b.box.x - (a.box.x + a.box.width);
			const sameRow =
				overlap > 0.6 * Math.min(a.box.height, b.box.height) &&
				Math.max(a.box.height, b.box.height) < 1.5 * Math.min(a.box.height, b.box.height) &&
				gap > -0.3 * a.box.height &&
				gap < 1.2 * a.box.height;
			// Broken after a hyphen or a dot, or with no dot yet after the "@" (the hyphen too faint to read).
			const brokenEmail =
				!sameRow &&
				/@(\S*[-.]|[\w-]+)$/.test(a.text.trim()) &&
				DOMAIN_ONLY.test(b.text.trim()) &&
				!/^(www|https?)\b/i.test(b.text.trim()) &&
				b.box.y > a.box.y &&
				b.box.y - bottom(a) < 2 * a.box.height;
			if (!sameRow && !brokenEmail) continue;
			const x = Math.min(a.box.x, b.box.x);
			const touching = gap < 0.18 * Math.min(a.box.height, b.box.height);
			const [la, lb] = [a.text.length, b.text.length];
			a.text = brokenEmail
				? joinDomain(a.text.trim(), b.text.trim())
				: touching && /[\p{L}\p{N}]$/u.test(a.text) && /^[\p{L}\p{N}]/u.test(b.text)
					? a.text + b.text
					: `${a.text} ${b.text}`;
			a.confidence = (a.confidence * la + b.confidence * lb) / (la + lb);
			a.box = {
				x,
				y: Math.min(a.box.y, b.box.y),
				width: Math.max(a.box.x + a.box.width, b.box.x + b.box.width) - x,
				height: brokenEmail ? a.box.height : Math.max(bottom(a), bottom(b)) - Math.min(a.box.y, b.box.y)
			};
			b.text = '';
			j = -1;
		}
	}
	return rows.filter((row) => row.text);
}

/**
 * What was read on a card, as a scan to review: the fields the reader is sure of are filled in, the
 * ones it is unsure of are suggestions the capture form marks "check it"; the text as read is kept
 * with the encounter. Null when nothing that identifies a person was found.
 */
export function cardPayload(reading: CardReading): ParsedPayload | null {
	const { name, org, email, phone } = reading.fields;
	if (!name && !org && !email && !phone) return null;
	const fields = emptyFields();
	const suggestions: Partial<ContactFields> = {};
	for (const [key, value] of Object.entries(reading.fields) as [keyof ContactFields, string][]) {
		if (!value) continue;
		if (reading.unsure.includes(key)) suggestions[key] = value;
		else fields[key] = value;
	}
	return {
		// No kind of its own yet (a new kind needs a migration): "empty" says no code was scanned.
		kind: 'empty',
		fields,
		suggestions,
		needsName: !name,
		warnings: [
			reading.unsure.length
				? 'Read from a photo of the card: check it, the marked fields most of all, before saving.'
				: 'Read from a photo of the card: check it before saving.'
		],
		raw: cleanMultiline(reading.text, 4000)
	};
}
