import type { CountryCode } from 'libphonenumber-js/min';
import { cleanLine, cleanMultiline } from '../text/display';
import { repairEmail } from './card-email';
import { findEmail, findLinkedIn, findPhone, findWebsite } from './card-contact';
import { emptyFields, type ContactFields, type ParsedPayload } from './types';

/** A line of text read from a picture, with where it sits (pixels) and how sure the reader was (0–100). */
export interface TextLine {
	text: string;
	confidence: number;
	box: { x: number; y: number; width: number; height: number };
}

const TITLE_WORDS =
	/\b(chief|officer|head|manager|engineer|director|lead|ceo|cto|cfo|coo|cmo|vp|vice|president|founder|co-founder|partner|designer|scientist|researcher|research|architect|executive|fellow|developer|consultant|analyst|specialist|coordinator|intern|student|professor|editor|advisor|associate|owner|strategist|recruiter|counsel|attorney|accountant|officer)\b/i;
const ORG_WORDS =
	/\b(ltd|limited|inc|llc|llp|gmbh|ag|sa|bv|plc|corp|corporation|co|company|group|labs?|systems|foundation|studio|partners|media|capital|health|energy|traders|analytics|robotics|security|biotech|logistics|aerospace|payments|cloud|legal|travel|foods|design|technologies|solutions|university|institute|bank|agency)\b\.?/i;
// Printed on badges around the person: the event, the attendee's role.
const BADGE_WORDS =
	/\b(attendee|speaker|exhibitor|press|sponsor|staff|visitor|delegate|organi[sz]er|volunteer|vip|20\d\d|conf|conference|summit|expo|week|days|festival|meetup)\b/i;
const ADDRESS =
	/\b(street|st\.?|road|rd|avenue|ave|suite|floor|level|straße|strasse|gracht|lane|square|blvd|po box)\b|\b[A-Z]{1,2}\d{1,2}[A-Z]? \d[A-Z]{2}\b|\b\d{4,5}\b/i;

export interface CardReading {
	/** What was read, for the person to confirm: every field is a guess. */
	fields: ContactFields;
	/** The text as read, kept with the encounter. */
	text: string;
}

interface Candidate {
	text: string;
	height: number;
	y: number;
	x: number;
	confidence: number;
}

/** Letters only, as in a name: 2–4 words, each starting with a capital (van, de, O'… allowed). */
function looksLikeName(text: string): boolean {
	const words = text.split(/\s+/);
	if (words.length < 1 || words.length > 4) return false;
	return (
		words.every((w) =>
			/^(\p{Lu}[\p{L}'’.-]*|[cosuvwxz][\p{L}'’.-]{2,}|van|von|de|der|da|di|del|le|la|bin|al)$/u.test(w)
		) &&
		/\p{Lu}/u.test(text) &&
		!TITLE_WORDS.test(text) &&
		!ORG_WORDS.test(text) &&
		!BADGE_WORDS.test(text)
	);
}

/** The parts of a line printed as "Title · Company" or "Title | Company". */
function parts(text: string): string[] {
	return text
		.split(/\s+[·•|»«+]\s+|\s+[-–—]\s+|\s*[·•|]\s*/)
		.map((p) => p.trim())
		.filter(Boolean);
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
 * or website's domain, or as the next largest line left.
 */
export function extractCardFields(lines: readonly TextLine[], defaultCountry?: CountryCode): CardReading {
	const fields = emptyFields();
	const rest: Candidate[] = [];
	for (const line of joinPieces(lines)) {
		const text = tidy(line.text);
		if (!text) continue;
		let contact = false;
		for (const part of [text, ...parts(text)]) {
			const email = findEmail(part);
			if (email) fields.email ||= email;
			const phone = email ? null : findPhone(part, defaultCountry);
			if (phone) fields.phone ||= phone;
			const linkedin = findLinkedIn(part);
			if (linkedin) fields.linkedin ||= linkedin;
			const url = email || linkedin ? null : findWebsite(part);
			if (url) fields.url ||= url;
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
	pickPersonLines(rest, fields);
	fields.email = repairEmail(fields);
	return { fields, text: lines.map((l) => l.text).join('\n') };
}

const bottom = (line: TextLine) => line.box.y + line.box.height;

/**
 * Pieces of one printed line that OCR returned apart ("Kestrel Sec" + "urity" side by side), and an
 * email address broken at a hyphen or dot ("ada@pinecone-" + "analytics.io" on the line below),
 * put back together.
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
			const brokenEmail =
				/@\S*[-.]$/.test(a.text.trim()) &&
				/^[a-z0-9-]+(\.[a-z0-9-]+)*\.[a-z]{2,}$/i.test(b.text.trim()) &&
				b.box.y > a.box.y &&
				b.box.y - bottom(a) < 2 * a.box.height;
			if (!sameRow && !brokenEmail) continue;
			const x = Math.min(a.box.x, b.box.x);
			a.text = brokenEmail ? a.text.trim() + b.text.trim() : `${a.text} ${b.text}`;
			a.confidence = Math.min(a.confidence, b.confidence);
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

function domainWord(fields: ContactFields): string {
	const host = /@([^.]+)/.exec(fields.email)?.[1] ?? /^https?:\/\/(?:www\.)?([^./]+)/.exec(fields.url)?.[1] ?? '';
	return host.replace(/[^a-z]/g, '');
}

function pickPersonLines(candidates: Candidate[], fields: ContactFields): void {
	// Large and clearly read: an event banner misread ("HealthTech Exo") is large but unsure.
	const weight = (c: Candidate) => c.height * (c.confidence / 100) ** 2;
	const byHeight = [...candidates].sort((a, b) => weight(b) - weight(a));
	const name = byHeight.find((c) => looksLikeName(c.text));
	if (name) {
		// OCR reads a capital C, O, S… as its small letter now and then; names start with capitals.
		fields.name = name.text.replace(
			/(^|\s)([cosuvwxz])/g,
			(_, space: string, letter: string) => space + letter.toUpperCase()
		);
		// A badge that prints the first name large and the last name on the line below.
		if (!name.text.includes(' ')) {
			const below = candidates
				.filter((c) => c !== name && c.y > name.y && c.y - name.y < name.height * 2.5 && looksLikeName(c.text))
				.sort((a, b) => a.y - b.y)[0];
			if (below) {
				fields.name = `${fields.name} ${below.text}`;
				candidates = candidates.filter((c) => c !== below);
			}
		}
	}
	const others = candidates.filter((c) => c !== name).flatMap((c) => parts(c.text).map((text) => ({ ...c, text })));
	const domain = domainWord(fields);
	const squash = (text: string) => text.toLowerCase().replace(/[^a-z]/g, '');
	const title =
		others.find((c) => TITLE_WORDS.test(c.text) && !ORG_WORDS.test(c.text)) ??
		others.find((c) => TITLE_WORDS.test(c.text));
	if (title) fields.title = title.text;
	const left = others.filter((c) => c !== title && !BADGE_WORDS.test(c.text));
	const startsLikeDomain = (text: string) =>
		domain.length >= 3 && (squash(text).startsWith(domain.slice(0, 4)) || domain.startsWith(squash(text).slice(0, 5)));
	const org =
		left.find((c) => startsLikeDomain(withoutLogo(c.text, domain))) ??
		left.find((c) => ORG_WORDS.test(c.text)) ??
		[...left].sort((a, b) => b.height - a.height)[0];
	if (!org) return;
	fields.org = withoutLogo(org.text, domain);
	// A company name set on two lines in a narrow column ("Open Field" / "Foundation").
	const next = left.find(
		(c) =>
			c !== org &&
			c.y > org.y &&
			c.y - (org.y + org.height) < org.height &&
			Math.abs(c.height - org.height) < org.height * 0.35 &&
			/^\p{Lu}[\p{L}&.]*(?: [\p{Lu}&][\p{L}.]*)?$/u.test(c.text)
	);
	if (next && !startsLikeDomain(next.text)) fields.org = `${fields.org} ${next.text}`;
}

/** The company name without what OCR made of a logo just before it ("(9) Helios", "O Sable…"). */
function withoutLogo(text: string, domain: string): string {
	const words = text.split(' ');
	const squashed = (from: number) =>
		words
			.slice(from)
			.join('')
			.toLowerCase()
			.replace(/[^a-z]/g, '');
	// Where the email's or website's domain starts, the company's name starts.
	const start =
		domain.length >= 4 ? words.findIndex((_, i) => i > 0 && squashed(i).startsWith(domain.slice(0, 4))) : -1;
	if (start > 0 && !squashed(0).startsWith(domain.slice(0, 4))) words.splice(0, start);
	while (words.length > 1 && (words[0]!.length === 1 || /[^\p{L}&]/u.test(words[0]!))) words.shift();
	return words.join(' ');
}

/**
 * What was read on a card, as a scan to review: every field is a suggestion the person confirms
 * (the capture form marks it "check it"), and the text as read is kept with the encounter. Null
 * when nothing that identifies a person was found.
 */
export function cardPayload(reading: CardReading): ParsedPayload | null {
	const { name, org, email, phone } = reading.fields;
	if (!name && !org && !email && !phone) return null;
	const suggestions = Object.fromEntries(Object.entries(reading.fields).filter(([, value]) => value));
	return {
		// No kind of its own yet (a new kind needs a migration): "empty" says no code was scanned.
		kind: 'empty',
		fields: emptyFields(),
		suggestions,
		needsName: !name,
		warnings: ['Read from a photo of the card: check each field before saving.'],
		raw: cleanMultiline(reading.text, 4000)
	};
}
