import type { Person } from '../capture/records';
import { personIdFor, pickMatch } from '../contact/match';
import { CONTACT_FIELDS } from '../contact/types';
import { fitRecord } from '../sync/record-fit';
import { fillEmptyFields, nameKey, namesAgree, sameNamedContact, unionKeys } from './contact-merge';
import type { ImportContact, SkippedCard, VcfContacts } from './vcf-read';

/** What importing a contacts file writes, and what to tell the person about it. */
export interface ImportPlan {
	/** New people: no encounter, no follow-up. */
	add: Person[];
	/** People already here who gain details they lacked, or keys to be recognised by. */
	update: { before: Person; after: Person }[];
	/** How many people already here the file's contacts matched (updated or not). */
	alreadyHere: number;
	skipped: SkippedCard[];
	mergedInFile: number;
	/** People cut to what the server keeps, and people it would refuse (left out): the same bounds as a restore. */
	cut: number;
	unfit: number;
}

/** A person with a contact's details where theirs are empty, and the contact's keys too; never overwrites. */
function withContact(person: Person, contact: ImportContact, now: number): Person {
	const filled = fillEmptyFields(person, contact.fields);
	const keys = unionKeys(person.matchKeys, contact.keys);
	if (filled === person && keys.length === person.matchKeys.length) return person;
	return { ...filled, matchKeys: keys, updatedAt: now };
}

/**
 * Plans importing contacts against the people already here, matched as a scan is (Step 1): by the
 * strongest shared key when the names agree, or, for a contact with no email, phone or LinkedIn, by the same name. New
 * people get the id a scan of them would get. People already here keep what they have: empty
 * fields are filled and keys added, nothing else. Importing the same file twice plans nothing.
 */
export function planImport(
	file: Pick<VcfContacts, 'contacts' | 'skipped' | 'mergedInFile'>,
	existing: readonly Person[],
	context: { now: number; newId: () => string }
): ImportPlan {
	const original = new Map(existing.map((p) => [p.id, p]));
	const current = new Map(original);
	const byKey = new Map<string, string[]>();
	const byName = new Map<string, string[]>();
	const indexKeys = (person: Person) => {
		for (const key of person.matchKeys) {
			const ids = byKey.get(key) ?? [];
			if (!ids.includes(person.id)) byKey.set(key, [...ids, person.id]);
		}
	};
	const indexName = (person: Person) => {
		const key = nameKey(person.name);
		byName.set(key, [...(byName.get(key) ?? []), person.id]);
	};
	const people = (ids: Iterable<string>) => [...new Set(ids)].map((id) => current.get(id)!);
	existing.forEach(indexKeys);
	existing.forEach(indexName);

	const findMatch = (contact: ImportContact): Person | null => {
		if (contact.keys.length) {
			const ids = contact.keys.flatMap((key) => byKey.get(key) ?? []);
			// Someone met, sharing only a switchboard number with this contact, is someone else.
			const candidates = people(ids).filter((p) => namesAgree(p.name, contact.fields.name));
			return pickMatch(contact.keys, candidates);
		}
		return (
			people(byName.get(nameKey(contact.fields.name)) ?? []).find((p) => sameNamedContact(p, contact.fields)) ?? null
		);
	};

	const added: string[] = [];
	const matched = new Set<string>();
	for (const contact of file.contacts) {
		const match = findMatch(contact);
		if (match) {
			const next = withContact(match, contact, context.now);
			current.set(next.id, next);
			indexKeys(next);
			if (original.has(match.id)) matched.add(match.id);
			continue;
		}
		let id = personIdFor(contact.keys, context.newId);
		// The id a key once gave may belong to someone now known by other keys: never overwrite them.
		if (current.has(id)) id = context.newId();
		const person: Person = {
			...contact.fields,
			id,
			matchKeys: contact.keys,
			createdAt: context.now,
			updatedAt: context.now
		};
		current.set(id, person);
		added.push(id);
		indexKeys(person);
		indexName(person);
	}
	// Checked against the server's bounds as a restore is: a person it would refuse could never sync.
	let cut = 0;
	let unfit = 0;
	const fit = (person: Person): Person | null => {
		const fitted = fitRecord('people', person as unknown as Record<string, unknown>);
		if (!fitted.ok) return (unfit++, null);
		if (fitted.cut.length) cut++;
		return fitted.record as unknown as Person;
	};
	const add = people(added).flatMap((p) => fit(p) ?? []);
	const update = [...matched]
		.filter((id) => current.get(id) !== original.get(id))
		.flatMap((id) => {
			const after = fit(current.get(id)!);
			return after ? [{ before: original.get(id)!, after }] : [];
		});
	return { add, update, alreadyHere: matched.size, skipped: file.skipped, mergedInFile: file.mergedInFile, cut, unfit };
}

const count = (n: number, one: string, many: string) => (n === 1 ? `1 ${one}` : `${n} ${many}`);
const wasWere = (n: number) => (n === 1 ? 'was' : 'were');

/** What an import did, in one sentence: "Added 12 people; 3 were already here; 1 card had no name and was skipped." */
export function importSummary(plan: ImportPlan): string {
	const filled = plan.update.filter(({ before, after }) => CONTACT_FIELDS.some((f) => before[f] !== after[f])).length;
	const noName = plan.skipped.filter((s) => s.reason === 'no-name').length;
	const unreadable = plan.skipped.length - noName;
	const parts = [plan.add.length ? `Added ${count(plan.add.length, 'person', 'people')}` : 'No one new was added'];
	if (plan.alreadyHere) {
		parts.push(
			`${plan.alreadyHere} ${wasWere(plan.alreadyHere)} already here${filled ? ` (missing details filled in for ${filled})` : ''}`
		);
	}
	if (plan.mergedInFile) {
		parts.push(
			`${count(plan.mergedInFile, 'duplicate card', 'duplicate cards')} in the file ${wasWere(plan.mergedInFile)} merged`
		);
	}
	if (noName) parts.push(`${count(noName, 'card', 'cards')} had no name and ${wasWere(noName)} skipped`);
	if (unreadable)
		parts.push(`${count(unreadable, 'card', 'cards')} couldn't be read and ${wasWere(unreadable)} skipped`);
	if (plan.cut) parts.push(`${count(plan.cut, 'person', 'people')} had details longer than the app keeps, cut to fit`);
	if (plan.unfit)
		parts.push(`${count(plan.unfit, 'person', 'people')} couldn't be kept and ${wasWere(plan.unfit)} skipped`);
	return `${parts.join('; ')}.`;
}
