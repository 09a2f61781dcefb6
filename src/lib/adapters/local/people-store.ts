import type { ImportPlan } from '$lib/domain/people/import-plan';
import { summarisePeople, type PeoplePage, type PersonDetail, type PersonSummary } from '$lib/domain/people/search';
import type { VcfContacts } from '$lib/domain/people/vcf-read';
import { checkNote } from '$lib/domain/notes/note-rules';
import type { Person } from '$lib/domain/capture/records';
import type { ContactFields } from '$lib/domain/contact/types';
import { cleanMultiline } from '$lib/domain/text/display';
import { changeLogTables, logChange } from './change-log';
import type { LocalDb } from './db';
import { EncounterRow, EventRow, FollowUpRow, PersonRow, PromiseRow, plainCopy, readRow, readRows } from './rows';
import { applyPersonEdit } from '$lib/domain/people/person-edit';

/** People met, with their encounters and what was promised. */
export class PeopleStore {
	constructor(private readonly db: LocalDb) {}

	/**
	 * Everyone, with their encounters, in the list's order (search, exports). One read transaction:
	 * people and encounters from the same moment, and (as an explicit transaction) kept out of
	 * Dexie's live-query cache, which would copy thousands of rows on every read.
	 */
	async summaries(): Promise<PersonSummary[]> {
		const { db } = this;
		const [people, encounters] = await db.transaction('r', [db.people, db.encounters], () =>
			Promise.all([db.people.toArray(), db.encounters.toArray()])
		);
		return summarisePeople(readRows(PersonRow, people, 'person'), readRows(EncounterRow, encounters, 'encounter'));
	}

	/**
	 * The first `limit` people of the list, exactly as summaries() orders them, and how many people
	 * there are: read through the metAt index, so opening People reads a screenful, not everyone.
	 * Walks encounters from the most recent until `limit` people are found (a person's first
	 * encounter in that walk is their latest), then reads those people and their encounters.
	 */
	async firstPage(limit: number): Promise<PeoplePage> {
		const { db } = this;
		return db.transaction('r', [db.people, db.encounters], () => this.#firstPage(limit));
	}

	async #firstPage(limit: number): Promise<PeoplePage> {
		const { db } = this;
		const batch = limit * 2;
		const found = new Map<string, Person>();
		const seen = new Set<string>();
		let read = 0;
		let exhausted = false;
		const [total] = await Promise.all([
			db.people.count(),
			(async () => {
				while (found.size < limit && !exhausted) {
					const rows = await db.encounters.orderBy('metAt').reverse().offset(read).limit(batch).toArray();
					read += rows.length;
					exhausted = rows.length < batch;
					const ids = [...new Set(readRows(EncounterRow, rows, 'encounter').map((e) => e.personId))].filter(
						(id) => !seen.has(id)
					);
					ids.forEach((id) => seen.add(id));
					for (const person of readRows(PersonRow, (await db.people.bulkGet(ids)).filter(Boolean), 'person'))
						found.set(person.id, person);
				}
			})()
		]);
		// One request per person, all at once (anyOf() would walk a cursor, one round trip per row).
		const own = await Promise.all(
			[...found.keys()].map((id) =>
				db.encounters.where('[personId+metAt]').between([id, -Infinity], [id, Infinity]).toArray()
			)
		);
		const encounters = readRows(EncounterRow, own.flat(), 'encounter');
		let rows = summarisePeople([...found.values()], encounters).slice(0, limit);
		if (rows.length < limit && total > rows.length) {
			// Fewer people met than a screenful: the rest are contacts not met yet, listed by name
			// (a collation IndexedDB cannot sort by), so everyone is read — still no encounter.
			const unmet = readRows(PersonRow, await db.people.toArray(), 'person').filter((p) => !seen.has(p.id));
			rows = [...rows, ...summarisePeople(unmet, [])].slice(0, limit);
		}
		return { rows, total };
	}

	async detail(id: string): Promise<PersonDetail | null> {
		const person = readRow(PersonRow, await this.db.people.get(id), 'person');
		if (!person) return null;
		const [encounters, followUps, promises, events] = await Promise.all([
			this.db.encounters.where('[personId+metAt]').between([id, -Infinity], [id, Infinity]).reverse().toArray(),
			this.db.followUps.where('personId').equals(id).toArray(),
			this.db.promises.where('personId').equals(id).toArray(),
			this.db.events.toArray()
		]);
		const eventsById = new Map(readRows(EventRow, events, 'event').map((e) => [e.id, e]));
		return {
			person,
			encounters: readRows(EncounterRow, encounters, 'encounter').map((e) => ({
				...e,
				event: (e.eventId && eventsById.get(e.eventId)) || null
			})),
			followUps: readRows(FollowUpRow, followUps, 'follow-up'),
			promises: readRows(PromiseRow, promises, 'promise')
		};
	}

	/**
	 * Changes a person's details (checked by the caller, see checkPersonEdit) on the row as it is now,
	 * which a sync may have changed since the form opened; a new email, phone, LinkedIn or badge id
	 * adds its match key.
	 */
	async edit(id: string, changes: Partial<ContactFields>, now: number): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.people, ...changeLogTables(db)], async () => {
			const current = readRow(PersonRow, await db.people.get(id), 'person');
			if (!current) throw new Error('This person is no longer on this device.');
			const next = plainCopy(applyPersonEdit(current, changes, now));
			await db.people.put(next);
			await logChange(db, 'people', current, next);
		});
	}

	/**
	 * Adds the people of a contacts file, in one transaction: all of them or, if anything fails,
	 * none. New people get no encounter and no follow-up; people already here only gain details they
	 * lacked (see planImport). Every write goes to the outbox, so it syncs. Returns what was done.
	 */
	async importContacts(
		file: VcfContacts,
		now: number,
		newId: () => string,
		options: { signal?: AbortSignal; onProgress?: (done: number, total: number) => void } = {}
	): Promise<ImportPlan> {
		const { db } = this;
		// Matching contacts (and their ids, uuid v5) loads with an import, not with the app shell;
		// before the transaction, which awaiting anything but the database would end.
		const { planImport } = await import('$lib/domain/people/import-plan');
		return db.transaction('rw', [db.people, ...changeLogTables(db)], async () => {
			const plan = planImport(file, readRows(PersonRow, await db.people.toArray(), 'person'), { now, newId });
			const total = plan.add.length + plan.update.length;
			let done = 0;
			// Cancel rolls the whole import back: nothing was changed.
			const step = () => {
				if (++done % 500 === 0 || done === total) options.onProgress?.(done, total);
				if (options.signal?.aborted) throw new DOMException('Import cancelled', 'AbortError');
			};
			for (const person of plan.add) {
				// add, not put: a row that is somehow there already fails the whole import instead of being replaced.
				await db.people.add(plainCopy(person));
				await logChange(db, 'people', null, person);
				step();
			}
			for (const { before, after } of plan.update) {
				await db.people.put(plainCopy(after));
				await logChange(db, 'people', before, after);
				step();
			}
			return plan;
		});
	}

	/**
	 * Rewrites what was talked about in one encounter. The note rules apply as when it was first
	 * written; `resolved` also clears a two-device conflict (the user merged both versions).
	 * `basedOn` is the note the user started from: if it changed meanwhile (a sync brought another
	 * device's edit), nothing is written and the current note comes back, to be merged — a note is
	 * never overwritten unseen.
	 */
	async editNote(
		encounterId: string,
		note: string,
		options: { resolved?: boolean; basedOn?: string } = {}
	): Promise<{ ok: true } | { ok: false; message: string; current?: string }> {
		const verdict = checkNote(note);
		if (!verdict.ok) return verdict;
		const { db } = this;
		return db.transaction('rw', [db.encounters, db.noteRevisions, ...changeLogTables(db)], async () => {
			const current = readRow(EncounterRow, await db.encounters.get(encounterId), 'encounter');
			if (!current) throw new Error('This conversation is no longer on this device.');
			if (options.basedOn !== undefined && current.note !== options.basedOn) {
				return {
					ok: false as const,
					message:
						'This note was changed on another device while you were writing. Both versions are shown: merge them.',
					current: current.note
				};
			}
			const next = { ...current, note: cleanMultiline(note), ...(options.resolved ? { noteConflict: false } : {}) };
			await db.encounters.put(next);
			await logChange(db, 'encounters', current, next);
			if (options.resolved) await db.noteRevisions.where('encounterId').equals(encounterId).delete();
			return { ok: true as const };
		});
	}

	/** The two versions of a note edited on two devices at once: as kept, and the concurrent edit. */
	async noteVersions(encounterId: string): Promise<{ kept: string; other: string } | null> {
		const revisions = (await this.db.noteRevisions.where('encounterId').equals(encounterId).toArray()).sort(
			(a, b) => b.serverSeq - a.serverSeq
		);
		const encounter = readRow(EncounterRow, await this.db.encounters.get(encounterId), 'encounter');
		const other =
			revisions.find((r) => r.source === 'client' && r.note !== encounter?.note) ??
			revisions.find((r) => r.note !== encounter?.note);
		return encounter && other ? { kept: encounter.note, other: other.note } : null;
	}

	/** Removes a person and everything about them from this device (and, through sync, the server). */
	async remove(personId: string): Promise<void> {
		const { db } = this;
		await db.transaction(
			'rw',
			[db.people, db.encounters, db.followUps, db.promises, ...changeLogTables(db)],
			async () => {
				for (const promise of await db.promises.where('personId').equals(personId).toArray()) {
					await db.promises.delete(promise.id);
					await logChange(db, 'promises', promise, null);
				}
				for (const followUp of await db.followUps.where('personId').equals(personId).toArray()) {
					await db.followUps.delete(followUp.id);
					await logChange(db, 'followUps', followUp, null);
				}
				for (const encounter of await db.encounters.where('personId').equals(personId).toArray()) {
					await db.encounters.delete(encounter.id);
					await logChange(db, 'encounters', encounter, null);
				}
				const person = await db.people.get(personId);
				await db.people.delete(personId);
				await logChange(db, 'people', person, null);
			}
		);
	}
}
