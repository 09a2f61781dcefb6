import { deflateSync, inflateSync, strFromU8, strToU8 } from 'fflate';
import { cleanLine, safeHttpUrl } from '../text/display';
import { normaliseEmail } from '../contact/email';
import type { MyCard } from './my-card';

/**
 * The share-back link: `https://<app>/c#1<card>`. The card travels in the URL fragment, which
 * browsers never send to a server, so the page that shows it needs no backend and learns nothing.
 *
 * `<card>` is base64url of: the length of part A, part A (name and company, deflated against a
 * preset dictionary of what cards usually hold: LinkedIn addresses, mail domains, job titles), the
 * phone's digits two to a byte, and part B (the other fields, deflated against that dictionary plus
 * the name and company as addresses spell them, so "ada.lovelace@" and "/in/ada-lovelace" cost a
 * few bits). Short texts barely compress on their own; this is what keeps a typical card within a
 * QR code of version 10 at error correction Q. The leading `1` names this format: nothing in it can
 * change without a new number.
 */

/** The fields a link carries, in this order. Empty when the owner left one off the QR. */
export interface SharedCard {
	name: string;
	title: string;
	company: string;
	email: string;
	phone: string;
	link: string;
	helpWith: string;
}

const FORMAT = '1';
const SEPARATOR = '\u001f';
const LIMITS: Record<keyof SharedCard, number> = {
	name: 200,
	title: 200,
	company: 200,
	email: 254,
	phone: 40,
	link: 300,
	helpWith: 160
};
// A link longer than this did not come from a QR code (version 40 holds under 3,000 bytes).
const MAX_ENCODED = 3000;
const MAX_TEXT = 2000;

// Most frequent last: deflate reaches nearer text more cheaply.
const DICTIONARY = strToU8(
	[
		'Professor Student Advisor Investor Partner Strategy Design Research Data Growth Community ',
		'Operations Customer Success Business Development Consultant Architect Analyst Scientist ',
		'Researcher Designer Developer Software Staff Principal Lead Senior Vice President Chief Officer ',
		'CFO COO CTO CEO Co-founder Founder University Foundation Solutions Consulting Technologies ',
		'Group Labs LLC GmbH Inc Ltd Engineering Engineer Marketing Sales Partnerships Product Manager ',
		'Director of Head of introductions to intros to feedback on advice on hiring fundraising startups ',
		'open source mentoring in the and for with your on to of .co.uk .de .fr .io .dev .org .com ',
		'@icloud.com@yahoo.com@hotmail.com@outlook.com@gmail.com https://www.linkedin.com/in/'
	].join('')
);

function base64url(bytes: Uint8Array): string {
	let binary = '';
	for (const byte of bytes) binary += String.fromCharCode(byte);
	return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

function fromBase64url(text: string): Uint8Array {
	const binary = atob(text.replace(/-/g, '+').replace(/_/g, '/'));
	return Uint8Array.from(binary, (c) => c.charCodeAt(0));
}

/** What the owner chose to put on their QR, as the fields a link carries. */
export function sharedCardOf(card: MyCard): SharedCard {
	const on = (field: keyof SharedCard) => (card.onQr.includes(field) ? card[field] : '');
	return {
		name: card.name,
		title: on('title'),
		company: on('company'),
		email: on('email'),
		phone: on('phone'),
		link: on('link'),
		helpWith: on('helpWith')
	};
}

/** Name and company as they appear in addresses: "Adaeze Okafor", "Lumen Labs" → "adaeze.okafor", "lumenlabs"… */
function addressDictionary(name: string, company: string): Uint8Array {
	const fold = (text: string) =>
		text
			.normalize('NFKD')
			.replace(/[\u0300-\u036f]/g, '')
			.toLowerCase();
	const parts = fold(name).split(/\s+/).filter(Boolean);
	const first = parts[0] ?? '';
	const last = parts.length > 1 ? parts.at(-1)! : '';
	const firm = fold(company).replace(/[^a-z0-9]+/g, '');
	const words = [firm, `${first.slice(0, 1)}${last}`, `${first}${last}`, `${first}.${last}`, `${first}-${last}`];
	const extra = strToU8(words.join(' '));
	const dictionary = new Uint8Array(DICTIONARY.length + extra.length);
	dictionary.set(DICTIONARY);
	dictionary.set(extra, DICTIONARY.length);
	return dictionary;
}

function packPhone(phone: string): Uint8Array {
	const digits = /^\+\d{1,15}$/.test(phone) ? phone.slice(1) : '';
	const bytes = new Uint8Array(1 + Math.ceil(digits.length / 2));
	bytes[0] = digits.length;
	for (let i = 0; i < digits.length; i++) bytes[1 + (i >> 1)]! |= Number(digits[i]) << (i % 2 ? 0 : 4);
	return bytes;
}

/** The fragment (without `#`) that carries a card. */
export function encodeCardFragment(card: SharedCard): string {
	const value = (key: keyof SharedCard) => cleanLine(card[key], LIMITS[key]);
	const [name, company, phone] = [value('name'), value('company'), value('phone')];
	const phoneBytes = packPhone(phone);
	const a = deflateSync(strToU8([name, company].join(SEPARATOR)), { level: 9, dictionary: DICTIONARY });
	const rest = [value('title'), value('email'), phoneBytes[0] ? '' : phone, value('link'), value('helpWith')];
	while (rest.length && !rest.at(-1)) rest.pop();
	const b = deflateSync(strToU8(rest.join(SEPARATOR)), { level: 9, dictionary: addressDictionary(name, company) });
	// The length of part A as one byte below 128, else two (7 bits each, low first).
	const length = a.length < 128 ? [a.length] : [(a.length & 0x7f) | 0x80, a.length >> 7];
	const packed = new Uint8Array(length.length + a.length + phoneBytes.length + b.length);
	packed.set(length);
	packed.set(a, length.length);
	packed.set(phoneBytes, length.length + a.length);
	packed.set(b, length.length + a.length + phoneBytes.length);
	return FORMAT + base64url(packed);
}

/** The whole link for a card, on the app's own origin. */
export function cardLink(card: SharedCard, origin: string): string {
	return `${origin.replace(/\/+$/, '')}/c#${encodeCardFragment(card)}`;
}

/**
 * The phone as E.164 when it has that shape (spaces, dots, dashes and brackets aside), else ''.
 * The app that made the link checked the number in full (validateCard); this only keeps a link's
 * `tel:` to a phone number without the phone-number library, which the card page cannot afford.
 * The app's scanner checks what it reads from a link again, as it does every scan.
 */
function linkPhone(text: string): string {
	const compact = text.replace(/[\s().-]/g, '');
	return /^\+[1-9]\d{6,14}$/.test(compact) ? compact : '';
}

function inflateText(bytes: Uint8Array, dictionary: Uint8Array): string[] {
	const text = inflateSync(bytes, { dictionary });
	if (text.length > MAX_TEXT) throw new Error('Too long for a card.');
	return strFromU8(text).split(SEPARATOR);
}

/** Reads the packed bytes; throws on anything damaged. */
function unpack(bytes: Uint8Array): SharedCard {
	let at = 0;
	const byte = () => {
		if (at >= bytes.length) throw new Error('Cut short.');
		return bytes[at++]!;
	};
	let aLength = byte();
	if (aLength & 0x80) aLength = (aLength & 0x7f) | (byte() << 7);
	if (at + aLength > bytes.length) throw new Error('Cut short.');
	const head = inflateText(bytes.subarray(at, at + aLength), DICTIONARY);
	at += aLength;
	const digitCount = byte();
	if (digitCount > 15) throw new Error('Not a phone number.');
	let digits = '';
	for (let i = 0; i < digitCount; i++) {
		const nibble = i % 2 ? bytes[at - 1]! & 0x0f : byte() >> 4;
		if (nibble > 9) throw new Error('Not a phone number.');
		digits += String(nibble);
	}
	if (head.length !== 2) throw new Error('Not a card.');
	const [rawName = '', rawCompany = ''] = head;
	const rest = inflateText(bytes.subarray(at), addressDictionary(rawName, rawCompany));
	if (rest.length > 5) throw new Error('Not a card.');
	const [title = '', email = '', phoneText = '', link = '', helpWith = ''] = rest;
	const value = (text: string, key: keyof SharedCard) => cleanLine(text, LIMITS[key]);
	return {
		name: value(rawName, 'name'),
		title: value(title, 'title'),
		company: value(rawCompany, 'company'),
		email: normaliseEmail(value(email, 'email')) ?? '',
		phone: linkPhone(digits ? `+${digits}` : value(phoneText, 'phone')),
		link: safeHttpUrl(value(link, 'link')) ?? '',
		helpWith: value(helpWith, 'helpWith')
	};
}

export type DecodedCard = { ok: true; card: SharedCard } | { ok: false; message: string };

const DAMAGED = 'This card link is incomplete or damaged. Ask for the code again, or scan it once more.';

/**
 * Reads a card back from a fragment (with or without `#`). The text is someone else's: every
 * field is cleaned as scanned text is, and an email, phone or link that is not one is left out.
 */
export function decodeCardFragment(fragment: string): DecodedCard {
	const text = fragment.replace(/^#/, '');
	if (!text) return { ok: false, message: 'This link holds no card.' };
	if (text[0] !== FORMAT) {
		return { ok: false, message: 'This card link was made by a newer version of the app. Update the app to read it.' };
	}
	const body = text.slice(1);
	if (body.length > MAX_ENCODED || !/^[A-Za-z0-9_-]+$/.test(body)) return { ok: false, message: DAMAGED };
	let card: SharedCard;
	try {
		card = unpack(fromBase64url(body));
	} catch {
		return { ok: false, message: DAMAGED };
	}
	if (!card.name) return { ok: false, message: DAMAGED };
	return { ok: true, card };
}

/** A card link's fragment if the text is a link to some app's `/c` page, else null. */
export function cardFragmentOf(text: string): string | null {
	const match = /^https?:\/\/[^\s/?#]+(?:\/[^\s?#]*)?\/c\/?#(1[A-Za-z0-9_-]+)$/i.exec(text.trim());
	return match?.[1] ?? null;
}

// How many bytes a QR code holds at error correction Q, by version (ISO/IEC 18004, byte mode).
const Q_BYTE_CAPACITY = [
	11, 20, 32, 46, 60, 74, 86, 108, 130, 151, 177, 203, 241, 258, 292, 322, 364, 394, 442, 482, 509, 565, 611, 661, 715,
	751, 805, 868, 908, 982, 1030, 1112, 1168, 1228, 1283, 1351, 1423, 1499, 1579, 1663
];

/** The smallest QR version that holds the text at error correction Q (41 when none does). */
export function qrVersionAtQ(text: string): number {
	const bytes = strToU8(text).length;
	const index = Q_BYTE_CAPACITY.findIndex((capacity) => capacity >= bytes);
	return index < 0 ? 41 : index + 1;
}

/** Above this version a code gets dense enough that some phones read it slowly or from close by. */
export const COMFORTABLE_QR_VERSION = 10;
