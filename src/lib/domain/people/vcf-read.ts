import type { CountryCode } from 'libphonenumber-js/min';
import { collectFields, tidyContactFields } from '../contact/fields';
import { matchKeys } from '../contact/match';
import type { ContactField, ContactFields } from '../contact/types';
import { readVCard } from '../contact/vcard';
import { splitVCards } from '../contact/vcf-file';
import { fillEmptyFields, nameKey, namesAgree, sameNamedContact, unionKeys } from './contact-merge';

// Phone exports carry photos (a few MB for hundreds of contacts); more than this is not a contacts file.
export const MAX_VCF_BYTES = 20 * 1024 * 1024;
export const MAX_VCF_CARDS = 10_000;

/** One person read from a contacts file: tidied like a scanned contact, with the Step 1 match keys. */
export interface ImportContact {
	fields: ContactFields;
	keys: string[];
}

/** Cards of one person while merging, and where the first of them is in the file. */
type Group = ImportContact & { position: number };

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

function absorb(group: Group, other: Group) {
	group.fields = fillEmptyFields(group.fields, other.fields);
	group.keys = unionKeys(group.keys, other.keys);
	group.position = Math.min(group.position, other.position);
}

/**
 * One entry per person, in file order: cards sharing a match key, with names that agree, are one
 * person (as in Step 1); a card with no key at all joins a card of the same name. The first card's values win; later cards
 * fill gaps.
 */
function mergeDuplicates(contacts: readonly ImportContact[]): ImportContact[] {
	const read: Group[] = contacts.map((c, position) => ({ ...c, position }));
	const groups = new Set<Group>();
	const byKey = new Map<string, Group[]>();
	for (const contact of read.filter((c) => c.keys.length)) {
		// Cards sharing a key are one person only when their names agree (not a shared office line).
		const candidates = [...new Set(contact.keys.flatMap((key) => byKey.get(key) ?? []))]
			.filter((g) => groups.has(g))
			.sort((a, b) => a.position - b.position);
		const owners = candidates.filter((g) => namesAgree(g.fields.name, contact.fields.name));
		// A card can also join two that its own name only half matches ("Adaeze" joins "Adaeze
		// Okafor" and, through her, "Dr. A. Okafor").
		const lead = owners[0]?.fields.name;
		if (lead) owners.push(...candidates.filter((g) => !owners.includes(g) && namesAgree(g.fields.name, lead)));
		owners.sort((a, b) => a.position - b.position);
		let group = owners[0];
		if (group) absorb(group, contact);
		else groups.add((group = { ...contact }));
		for (const other of owners.slice(1)) {
			absorb(group, other);
			groups.delete(other);
		}
		for (const key of group.keys) {
			const list = byKey.get(key) ?? [];
			if (!list.includes(group)) byKey.set(key, [...list, group]);
		}
	}
	const byName = new Map<string, Group[]>();
	const file = (group: Group) => {
		const key = nameKey(group.fields.name);
		byName.set(key, [...(byName.get(key) ?? []), group]);
	};
	groups.forEach(file);
	for (const contact of read.filter((c) => !c.keys.length)) {
		const named = byName.get(nameKey(contact.fields.name)) ?? [];
		const group = named.find((g) => sameNamedContact(g.fields, contact.fields));
		if (group) {
			absorb(group, contact);
		} else {
			const created = { ...contact };
			groups.add(created);
			file(created);
		}
	}
	// Filled-in fields may bring a stronger key (an email after a phone): it leads, as for a scan.
	return [...groups]
		.sort((a, b) => a.position - b.position)
		.map((g) => ({ fields: g.fields, keys: unionKeys(matchKeys(g.fields), g.keys) }));
}

/**
 * Reads a contacts file (.vcf, vCard 2.1/3.0/4.0, as phones export them) into people: each card
 * read by the scanner's vCard reader and tidied as a scanned contact, cards without a usable name
 * skipped (counted, with the reason), and several cards of one person merged. Values are text
 * only, never markup. Refuses, with a message, a file too large or with too many cards.
 */
export function readVcfFile(text: string, options: { defaultCountry?: CountryCode } = {}): VcfReadResult {
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
	const read: ImportContact[] = [];
	const skipped: SkippedCard[] = [];
	cards.forEach((card, index) => {
		const result = readCard(card, options.defaultCountry);
		if (typeof result === 'string') skipped.push({ position: index + 1, reason: result });
		else read.push(result);
	});
	const contacts = mergeDuplicates(read);
	return { ok: true, contacts, cards: cards.length, skipped, mergedInFile: read.length - contacts.length };
}
