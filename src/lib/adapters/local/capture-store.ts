import type { CaptureDraft } from '$lib/domain/capture/capture-draft';
import type { CountryCode } from 'libphonenumber-js/min';
import { captureProblems, planCapture, type CaptureProblem } from '$lib/domain/capture/plan-capture';
import { matchKeys, pickMatch } from '$lib/domain/contact/match';
import type { LocalDb } from './db';
import { eventClock } from './event-store';
import { DraftRow, PersonRow, plainCopy, readRow } from './rows';

export type CommitResult =
	| { ok: true; personId: string; isNewPerson: boolean }
	| { ok: false; field: CaptureProblem['field'] | 'draft'; message: string };

/** Pending scans (drafts) and turning one into a saved contact. */
export class CaptureStore {
	constructor(private readonly db: LocalDb) {}

	async draft(id: string): Promise<CaptureDraft | null> {
		return readRow(DraftRow, await this.db.drafts.get(id), 'draft');
	}

	/** Every unfinished note, oldest first. */
	async drafts(): Promise<CaptureDraft[]> {
		const rows = await this.db.drafts.orderBy('updatedAt').toArray();
		return rows.map((row) => readRow(DraftRow, row, 'draft')).filter((d): d is CaptureDraft => d !== null);
	}

	async saveDraft(draft: CaptureDraft): Promise<void> {
		await this.db.drafts.put(plainCopy(draft));
	}

	async discardDraft(id: string): Promise<void> {
		await this.db.drafts.delete(id);
	}

	/**
	 * Saves a draft as a contact in one transaction: finds the person by email, phone, LinkedIn or
	 * badge id (never a duplicate), writes the encounter, its follow-up and promises, and removes the
	 * draft. Saving the same draft twice (a double tap) returns the first result.
	 */
	async commit(draftId: string, now: number, newId: () => string, defaultCountry?: CountryCode): Promise<CommitResult> {
		const { db } = this;
		return db.transaction(
			'rw',
			[db.drafts, db.people, db.encounters, db.followUps, db.promises, db.events],
			async () => {
				const saved = await db.encounters.get(draftId);
				if (saved) return { ok: true, personId: saved.personId, isNewPerson: false };
				const draft = readRow(DraftRow, await db.drafts.get(draftId), 'draft');
				if (!draft)
					return { ok: false, field: 'draft', message: 'This scan is no longer here. Scan again to add the person.' };

				const keys = matchKeys(captureProblems(draft, defaultCountry).fields);
				const candidates = keys.length ? await db.people.where('matchKeys').anyOf(keys).toArray() : [];
				const people = candidates.map((row) => readRow(PersonRow, row, 'person')).filter((p) => p !== null);
				const event = draft.eventId ? await db.events.get(draft.eventId) : null;
				const existing = pickMatch(keys, people);
				const result = planCapture(draft, { existing, event: eventClock(event), now, newId, defaultCountry });
				if (!result.ok) return result;

				const { person, encounter, followUp, promises, isNewPerson } = result.plan;
				await db.people.put(plainCopy(person));
				await db.encounters.add(plainCopy(encounter));
				await db.followUps.add(plainCopy(followUp));
				if (promises.length) await db.promises.bulkAdd(plainCopy(promises));
				await db.drafts.delete(draftId);
				return { ok: true, personId: person.id, isNewPerson };
			}
		);
	}
}
