import type { CountryCode } from 'libphonenumber-js/min';
import { collectFields, tidyContactFields } from '../contact/fields';
import { matchKeys } from '../contact/match';
import type { ContactField, ContactFields } from '../contact/types';
import { readVCard } from '../contact/vcard';
import { splitVCards } from '../contact/vcf-file';
import { mergeDuplicates } from './vcf-merge';

// Phone exports carry photos (a few MB for hundreds of contacts); more than this is not a contacts file.
export const MAX_VCF_BYTES = 20 * 1024 * 1024;
export const MAX_VCF_CARDS = 10_000;

/** One person read from a contacts file: tidied like a scanned contact, with the Step 1 match keys. */
export interface ImportContact {
	fields: ContactFields;
	keys: string[];
}

export type SkipReason = 'no-name' | 'unreadable';

/** A card that did not become a person, and why. `position` counts from 1, in file order. */
export interface SkippedCard {
	position: number;
	reason: SkipReason;
}

export interface VcfContacts {
	contacts: ImportContact[];
	/** How many cards the file holds. */
	cards: number;
	skipped: SkippedCard[];
	/** Cards that were another card of the same person in this file (merged into it). */
	mergedInFile: number;
}

export type VcfReadResult = ({ ok: true } & VcfContacts) | { ok: false; message: string };

/** Why a file of `bytes` bytes is refused, or null when its size is fine. */
export function vcfSizeProblem(bytes: number): string | null {
	return bytes > MAX_VCF_BYTES
		? 'This file is larger than 20 MB, too large for a contacts file. Export your contacts without photos, or in smaller groups. Nothing was changed.'
		: null;
}

function readCard(text: string, defaultCountry?: CountryCode): ImportContact | SkipReason {
	let fields: ContactFields;
	try {
		const collected = collectFields(readVCard(text).input, defaultCountry);
		const tidy = tidyContactFields(collected.fields, defaultCountry);
		fields = tidy.fields;
		// A value the capture form would refuse is left out, as a scan leaves out a bad email.
		for (const field of Object.keys(tidy.errors) as ContactField[]) fields[field] = '';
	} catch {
		return 'unreadable';
	}
	// A name needs a letter or digit: "FN:-" or an empty N is no name.
	if (!/[\p{L}\p{N}]/u.test(fields.name)) return 'no-name';
	return { fields, keys: matchKeys(fields) };
}

type Prepared = { ok: false; message: string } | { ok: true; cards: string[] };

/** The file's cards, or why it is refused (too large, no cards, too many). */
function prepare(text: string): Prepared {
	const tooLarge = vcfSizeProblem(text.length);
	if (tooLarge) return { ok: false, message: tooLarge };
	const cards = splitVCards(text);
	if (!cards.length) {
		return {
			ok: false,
			message:
				'This file holds no contacts: a contacts file (.vcf) lists people between BEGIN:VCARD and END:VCARD. Nothing was changed.'
		};
	}
	if (cards.length > MAX_VCF_CARDS) {
		return {
			ok: false,
			message: `This file holds ${cards.length.toLocaleString('en')} contacts; up to ${MAX_VCF_CARDS.toLocaleString('en')} can be imported at once. Export them in smaller groups. Nothing was changed.`
		};
	}
	return { ok: true, cards };
}

/** Reads one card into `read` or `skipped`. */
function readInto(
	card: string,
	index: number,
	out: { read: ImportContact[]; skipped: SkippedCard[] },
	country?: CountryCode
) {
	const result = readCard(card, country);
	if (typeof result === 'string') out.skipped.push({ position: index + 1, reason: result });
	else out.read.push(result);
}

function finish(cards: number, { read, skipped }: { read: ImportContact[]; skipped: SkippedCard[] }): VcfReadResult {
	const contacts = mergeDuplicates(read);
	return { ok: true, contacts, cards, skipped, mergedInFile: read.length - contacts.length };
}

/**
 * Reads a contacts file (.vcf, vCard 2.1/3.0/4.0, as phones export them) into people: each card
 * read by the scanner's vCard reader and tidied as a scanned contact, cards without a usable name
 * skipped (counted, with the reason), and several cards of one person merged. Values are text
 * only, never markup. Refuses, with a message, a file too large or with too many cards.
 */
export function readVcfFile(text: string, options: { defaultCountry?: CountryCode } = {}): VcfReadResult {
	const prepared = prepare(text);
	if (!prepared.ok) return prepared;
	const out = { read: [] as ImportContact[], skipped: [] as SkippedCard[] };
	prepared.cards.forEach((card, index) => readInto(card, index, out, options.defaultCountry));
	return finish(prepared.cards.length, out);
}

/** Cards read between two pauses (a phone's 10,000 contacts take seconds to read). */
const CHUNK = 500;

/**
 * readVcfFile, a chunk of cards at a time: `onProgress` says how far it is and `pause` lets the
 * screen be drawn (and Cancel pressed) between chunks. Null when `signal` is aborted.
 */
export async function readVcfFileInChunks(
	text: string,
	options: {
		defaultCountry?: CountryCode;
		signal?: AbortSignal;
		onProgress?: (done: number, total: number) => void;
		pause: () => Promise<void>;
	}
): Promise<VcfReadResult | null> {
	const prepared = prepare(text);
	if (!prepared.ok) return prepared;
	const { cards } = prepared;
	const out = { read: [] as ImportContact[], skipped: [] as SkippedCard[] };
	for (const [index, card] of cards.entries()) {
		if (index > 0 && index % CHUNK === 0) {
			options.onProgress?.(index, cards.length);
			await options.pause();
		}
		if (options.signal?.aborted) return null;
		readInto(card, index, out, options.defaultCountry);
	}
	return finish(cards.length, out);
}
