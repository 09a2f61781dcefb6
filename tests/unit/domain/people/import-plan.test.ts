import { describe, expect, it } from 'vitest';
import type { Person } from '$lib/domain/capture/records';
import { matchKeys, personIdFor } from '$lib/domain/contact/match';
import { emptyFields, type ContactFields } from '$lib/domain/contact/types';
import { importSummary, planImport, type ImportPlan } from '$lib/domain/people/import-plan';
import type { ImportContact, VcfContacts } from '$lib/domain/people/vcf-read';

const T0 = Date.parse('2026-11-19T10:00:00Z');
const now = Date.parse('2026-12-01T09:00:00Z');
let counter = 0;
const newId = () => `random-${++counter}`;

function contact(fields: Partial<ContactFields>): ImportContact {
	const full = { ...emptyFields(), ...fields };
	return { fields: full, keys: matchKeys(full) };
}
function person(id: string, fields: Partial<ContactFields>): Person {
	const full = { ...emptyFields(), ...fields };
	return { ...full, id, matchKeys: matchKeys(full), createdAt: T0, updatedAt: T0 };
}
const file = (...contacts: ImportContact[]): VcfContacts => ({
	contacts,
	cards: contacts.length,
	skipped: [],
	mergedInFile: 0
});

const scanned = person('p-adaeze', {
	name: 'Adaeze Okafor',
	org: 'Lumen Labs',
	email: 'adaeze@lumen.example',
	badgeId: 'EVT-0042'
});

describe('planning an import against the people already here', () => {
	it('adds new people with the id a scan of them would get, and no encounter', () => {
		const plan = planImport(file(contact({ name: 'Priya Raman', email: 'priya@kestrel.example' })), [scanned], {
			now,
			newId
		});
		expect(plan.add).toEqual([
			{
				...emptyFields(),
				name: 'Priya Raman',
				email: 'priya@kestrel.example',
				id: personIdFor(['email:priya@kestrel.example'], newId),
				matchKeys: ['email:priya@kestrel.example'],
				createdAt: now,
				updatedAt: now
			}
		]);
		expect(plan.update).toEqual([]);
		expect(plan.alreadyHere).toBe(0);
	});

	it('never overwrites what the person has: only empty fields are filled, and keys added', () => {
		const plan = planImport(
			file(
				contact({
					name: 'Dr. A. Okafor',
					org: 'Another Company',
					title: 'Head of Research',
					email: 'adaeze@lumen.example',
					phone: '+2348035550142'
				})
			),
			[scanned],
			{ now, newId }
		);
		expect(plan.add).toEqual([]);
		expect(plan.alreadyHere).toBe(1);
		expect(plan.update).toEqual([
			{
				before: scanned,
				after: {
					...scanned,
					title: 'Head of Research',
					phone: '+2348035550142',
					matchKeys: ['email:adaeze@lumen.example', 'badge:EVT-0042', 'phone:+2348035550142'],
					updatedAt: now
				}
			}
		]);
	});

	it('never fills someone met with the details of another name sharing their phone', () => {
		const met = person('p-met', { name: 'Ann Lee', phone: '+442079460100' });
		const plan = planImport(
			file(contact({ name: 'Bob Lee', phone: '+442079460100', email: 'bob@office.example' })),
			[met],
			{
				now,
				newId
			}
		);
		expect(plan.update).toEqual([]);
		expect(plan.add.map((p) => p.name)).toEqual(['Bob Lee']);
		expect(plan.add[0]!.id).not.toBe('p-met');
	});

	it('writes nothing for a match that brings nothing new', () => {
		const plan = planImport(file(contact({ name: 'Adaeze', email: 'adaeze@lumen.example' })), [scanned], {
			now,
			newId
		});
		expect(plan).toMatchObject({ add: [], update: [], alreadyHere: 1 });
	});

	it('matches by the strongest key, as a scan does (email before phone)', () => {
		const byPhone = person('p-phone', { name: 'Xia Chen', phone: '+442079460000' });
		const byEmail = person('p-email', { name: 'Xia Chen', email: 'x@example.com' });
		const plan = planImport(
			file(contact({ name: 'Xia Chen', email: 'x@example.com', phone: '+442079460000' })),
			[byPhone, byEmail],
			{
				now,
				newId
			}
		);
		expect(plan.update.map((u) => u.after.id)).toEqual(['p-email']);
		expect(plan.update[0]!.after.phone).toBe('+442079460000');
	});

	it('matches a contact with only a name by the same name, unless the companies differ', () => {
		const typed = person('p-typed', { name: 'José Müller', org: 'Grid AS' });
		const plan = planImport(
			file(contact({ name: 'jose muller', title: 'CTO' }), contact({ name: 'José Müller', org: 'Other Co' })),
			[typed],
			{ now, newId }
		);
		expect(plan.alreadyHere).toBe(1);
		expect(plan.update[0]!.after).toMatchObject({ id: 'p-typed', name: 'José Müller', title: 'CTO' });
		expect(plan.add.map((p) => [p.name, p.org])).toEqual([['José Müller', 'Other Co']]);
	});

	it('does not take over the id of someone now known by other keys', () => {
		const id = personIdFor(['email:old@example.com'], newId);
		const renamed = { ...person(id, { name: 'Once Old', email: 'new@example.com' }) };
		const plan = planImport(file(contact({ name: 'Old Address', email: 'old@example.com' })), [renamed], {
			now,
			newId
		});
		expect(plan.add).toHaveLength(1);
		expect(plan.add[0]!.id).not.toBe(id);
		expect(plan.update).toEqual([]);
	});

	it('plans nothing when the same contacts are imported again', () => {
		const contacts = file(
			contact({ name: 'Priya Raman', email: 'priya@kestrel.example' }),
			contact({ name: 'Adaeze Okafor', email: 'adaeze@lumen.example', phone: '+2348035550142' }),
			contact({ name: '山田 太郎', org: 'さくら技研' })
		);
		const first = planImport(contacts, [scanned], { now, newId });
		expect(first.add).toHaveLength(2);
		const after = [...first.update.map((u) => u.after), ...first.add];
		const second = planImport(contacts, after, { now: now + 1, newId });
		expect(second).toMatchObject({ add: [], update: [], alreadyHere: 3 });
	});
});

describe('what the import says', () => {
	const many = (n: number) => Array.from({ length: n }, (_, i) => person(`p${i}`, { name: `P ${i}` }));
	const plan = (overrides: Partial<ImportPlan>): ImportPlan => ({
		add: [],
		update: [],
		alreadyHere: 0,
		skipped: [],
		mergedInFile: 0,
		cut: 0,
		unfit: 0,
		...overrides
	});

	it('says which people were cut to fit, or could not be kept, by the server’s bounds', () => {
		expect(importSummary(plan({ add: many(2), cut: 1, unfit: 2 }))).toBe(
			"Added 2 people; 1 person had details longer than the app keeps, cut to fit; 2 people couldn't be kept and were skipped."
		);
	});

	it('counts people added, already here, and cards skipped, in one sentence', () => {
		expect(importSummary(plan({ add: many(12), alreadyHere: 3, skipped: [{ position: 4, reason: 'no-name' }] }))).toBe(
			'Added 12 people; 3 were already here; 1 card had no name and was skipped.'
		);
		expect(importSummary(plan({ add: many(1) }))).toBe('Added 1 person.');
		expect(importSummary(plan({ alreadyHere: 1 }))).toBe('No one new was added; 1 was already here.');
	});

	it('says when details were filled in, cards merged, or cards skipped for each reason', () => {
		const before = person('p1', { name: 'A' });
		const summary = importSummary(
			plan({
				update: [
					{ before, after: { ...before, phone: '+442079460000' } },
					{ before, after: { ...before, matchKeys: ['phone:+1'] } }
				],
				alreadyHere: 2,
				mergedInFile: 2,
				skipped: [
					{ position: 1, reason: 'no-name' },
					{ position: 2, reason: 'no-name' },
					{ position: 3, reason: 'unreadable' }
				]
			})
		);
		expect(summary).toBe(
			"No one new was added; 2 were already here (missing details filled in for 1); 2 duplicate cards in the file were merged; 2 cards had no name and were skipped; 1 card couldn't be read and was skipped."
		);
	});
});
