import type { CountryCode } from 'libphonenumber-js/min';
import type { CaptureDraft } from '$lib/domain/capture/capture-draft';
import type { CaptureProblem } from '$lib/domain/capture/plan-capture';
import type { FollowUp, Person } from '$lib/domain/capture/records';
import { UnfinishedNotes } from './unfinished-notes';
import { DraftRow, EncounterRow, FollowUpRow, PersonRow, plainCopy, readRow, readRows } from './rows';

// Checking and planning a capture parses phone numbers (libphonenumber-js) and time zones
// (@date-fns/tz): loaded when a scan is looked up or saved, not with the app shell that opens the
// database.
const loadPlanning = () =>
	Promise.all([
		import('$lib/domain/capture/plan-capture'),
		import('$lib/domain/contact/match'),
		import('$lib/domain/queue/due'),
		// What sync sends is logged with each saved capture: loaded with the planning.
		import('./change-log')
	]).then(([plan, match, due, log]) => ({ ...plan, ...match, ...due, ...log }));
type Planning = Awaited<ReturnType<typeof loadPlanning>>;
// Kept once loaded: even a module already loaded answers `import()` a task later, and the save
// would wait in the page's queue for it (3.8 ms at the median in bench:save).
let planningLoaded: Planning | null = null;
const planning = async (): Promise<Planning> => (planningLoaded ??= await loadPlanning());

export type CommitResult =
	| { ok: true; personId: string; isNewPerson: boolean }
	| { ok: false; field: CaptureProblem['field'] | 'draft'; message: string };

/** Pending scans (drafts) and turning one into a saved contact, for the scan and note screens. */
export class CaptureStore extends UnfinishedNotes {
	async draft(id: string): Promise<CaptureDraft | null> {
		return readRow(DraftRow, await this.db.drafts.get(id), 'draft');
	}

	/**
	 * Stores a draft, unless it already became a contact: a late write (another tab, a slow
	 * keystroke) must not bring a saved scan back as "Finish your note". Returns whether it stored.
	 */
	async saveDraft(draft: CaptureDraft): Promise<boolean> {
		const { db } = this;
		return db.transaction('rw', [db.drafts, db.encounters], async () => {
			if (await db.encounters.get(draft.id)) return false;
			await db.drafts.put(plainCopy(draft));
			return true;
		});
	}

	/** Whether the draft `id` was saved as a contact already (its encounter has that id). */
	async saved(id: string): Promise<boolean> {
		return (await this.db.encounters.get(id)) !== undefined;
	}

	async discardDraft(id: string): Promise<void> {
		await this.db.drafts.delete(id);
	}

	/** The person a draft would be added to, if they are already known by email, phone, LinkedIn or badge. */
	async existingPerson(draft: CaptureDraft, defaultCountry?: CountryCode): Promise<Person | null> {
		const { captureProblems, matchKeys, pickMatch } = await planning();
		return this.#personWith(pickMatch, matchKeys(captureProblems(draft, defaultCountry).fields));
	}

	/** Of the people under any of `keys`, the one the strongest key finds. */
	async #personWith(pickMatch: Planning['pickMatch'], keys: string[]): Promise<Person | null> {
		if (!keys.length) return null;
		// One request per key, all at once: anyOf() walks a cursor, a round trip per step.
		const found = await Promise.all(keys.map((key) => this.db.people.where('matchKeys').equals(key).toArray()));
		const rows = new Map(found.flat().map((row) => [row.id, row]));
		return pickMatch(
			keys,
			[...rows.values()].map((row) => readRow(PersonRow, row, 'person')).filter((p) => p !== null)
		);
	}

	/**
	 * The person's open follow-up (not a check-in), which a new conversation joins, and when its
	 * first conversation was (-Infinity if that is not on this device: nothing is earlier). The
	 * soonest due, if sync brought two.
	 */
	async #openFollowUp(personId: string): Promise<{ followUp: FollowUp; firstMetAt: number } | null> {
		if (!personId) return null;
		const rows = await this.db.followUps.where('personId').equals(personId).toArray();
		const [open] = readRows(FollowUpRow, rows, 'follow-up')
			.filter((f) => f.status === 'open' && f.kind === 'follow-up')
			.sort((a, b) => a.dueAt - b.dueAt);
		if (!open) return null;
		const first = open.encounterId ? await this.db.encounters.get(open.encounterId) : undefined;
		return { followUp: open, firstMetAt: readRow(EncounterRow, first, 'encounter')?.metAt ?? -Infinity };
	}

	/**
	 * Saves the draft as shown on screen, in one transaction: finds the person by email, phone,
	 * LinkedIn or badge id (never a duplicate), writes the encounter, its follow-up (or joins the
	 * person's open one) and promises, and removes the stored draft. Saving the same draft twice (a double tap, a second tab) returns
	 * the first result.
	 */
	async commit(
		draft: CaptureDraft,
		now: number,
		newId: () => string,
		defaultCountry?: CountryCode
	): Promise<CommitResult> {
		const { db } = this;
		// Loaded before the transaction: awaiting anything but the database inside it would end it.
		const plan = planningLoaded ?? (await planning());
		const { changeLogTables, logChanges } = plan;
		// Checking the fields (parsing the phone number) needs no database: done before it opens.
		const checked = plan.captureProblems(draft, defaultCountry);
		const keys = plan.matchKeys(checked.fields);
		return db.transaction(
			'rw',
			[db.drafts, db.people, db.encounters, db.followUps, db.promises, db.events, ...changeLogTables(db)],
			async () => {
				// Every request at once: each waits for the one before it, not for this code. The outbox's
				// counter and the versions of the rows this save may change are read in the same round: the
				// person under the id their strongest key gives, and the encounter.
				const candidate = plan.personIdFor(keys, () => '');
				const [saved, existing, event, ahead, candidateOpen] = await Promise.all([
					db.encounters.get(draft.id),
					this.#personWith(plan.pickMatch, keys),
					draft.eventId ? db.events.get(draft.eventId) : null,
					plan.readAhead(db, [
						['people', candidate],
						['encounters', draft.id]
					]),
					this.#openFollowUp(candidate)
				]);
				if (saved) {
					await db.drafts.delete(draft.id);
					return { ok: true, personId: saved.personId, isNewPerson: false };
				}
				// Found under another id than the strongest key gives (rare): their follow-ups are read now.
				const openFollowUp =
					existing && existing.id !== candidate ? await this.#openFollowUp(existing.id) : candidateOpen;
				const result = plan.planCapture(draft, {
					existing,
					openFollowUp,
					event: plan.eventClock(event),
					now,
					newId,
					defaultCountry,
					checked
				});
				if (!result.ok) return result;
				const { person, encounter, followUp, joined, promises, isNewPerson } = result.plan;
				// Ids made just now have no server version: a new follow-up's, the promises', and a new
				// person's with no key to derive one from. (Another id is read by logChanges.)
				if (!joined) ahead.seqs.set(plan.seqKey('followUps', followUp.id), null);
				for (const promise of promises) ahead.seqs.set(plan.seqKey('promises', promise.id), null);
				if (!existing && !keys.length) ahead.seqs.set(plan.seqKey('people', person.id), null);
				await Promise.all([
					db.people.put(plainCopy(person)),
					db.encounters.add(plainCopy(encounter)),
					joined ? db.followUps.put(plainCopy(followUp)) : db.followUps.add(plainCopy(followUp)),
					db.promises.bulkAdd(promises.map(plainCopy)),
					db.drafts.delete(draft.id),
					logChanges(
						db,
						[
							// A new conversation brings the person back if another device deleted them meanwhile.
							{ table: 'people', before: existing, after: person, options: { revive: true } },
							{ table: 'encounters', before: null, after: encounter },
							// …and so does the follow-up it joins (a create of a row the server has revives it).
							{ table: 'followUps', before: joined, after: followUp, options: { revive: true } },
							...promises.map((promise) => ({ table: 'promises' as const, before: null, after: promise }))
						],
						ahead
					)
				]);
				return { ok: true, personId: person.id, isNewPerson };
			}
		);
	}
}
