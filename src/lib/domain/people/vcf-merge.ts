import { matchKeys } from '../contact/match';
import { fillEmptyFields, nameKey, namesAgree, sameNamedContact, unionKeys } from './contact-merge';
import type { ImportContact } from './vcf-read';

/** Cards of one person while merging, and where the first of them is in the file. */
type Group = ImportContact & { position: number };

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
export function mergeDuplicates(contacts: readonly ImportContact[]): ImportContact[] {
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
