import type { FollowUp, MessageDraft, PromiseItem } from '$lib/domain/capture/records';
import type { DraftLanguage } from '$lib/domain/drafts/languages';
import { carriedEncounters } from '$lib/domain/queue/conversations';
import type { FollowUpDetail } from '$lib/domain/queue/views';
import { changeLogTables, logChange } from './change-log';
import { FollowUpQueue } from './follow-up-queue';
import {
	CardRow,
	EncounterRow,
	EventRow,
	FollowUpRow,
	PersonRow,
	PromiseRow,
	plainCopy,
	readRow,
	readRows
} from './rows';

/** What an action changed, so it can be put back exactly ("Undo"). */
export interface UndoSnapshot {
	followUp: FollowUp | null;
	promises: PromiseItem[];
	createdIds: string[];
	/** Promises the action added (from "Make this a promise"): undo removes them. */
	createdPromiseIds?: string[];
}

/** An action's writes: the follow-up's new state, promises it settled, records it created. */
export interface ActionChanges {
	followUp?: FollowUp;
	promises?: PromiseItem[];
	created?: FollowUp[];
}

/**
 * One follow-up and the actions on it, each of which can be undone, on top of the queue's reads:
 * for the follow-up's own screen (and planning a check-in), not for the app shell.
 */
export class FollowUpStore extends FollowUpQueue {
	/**
	 * The follow-up with the person, every conversation it carries (carriedEncounters) and their
	 * promises, the event and my card.
	 */
	async detail(id: string): Promise<FollowUpDetail | null> {
		const { db } = this;
		const followUp = readRow(FollowUpRow, await db.followUps.get(id), 'follow-up');
		if (!followUp) return null;
		const { personId } = followUp;
		const [person, encounterRows, followUpRows, event, promiseRows, card] = await Promise.all([
			db.people.get(personId),
			db.encounters.where('[personId+metAt]').between([personId, -Infinity], [personId, Infinity]).toArray(),
			db.followUps.where('personId').equals(personId).toArray(),
			followUp.eventId ? db.events.get(followUp.eventId) : undefined,
			db.promises.where('personId').equals(personId).toArray(),
			db.settings.get('myCard')
		]);
		const all = readRows(EncounterRow, encounterRows, 'encounter');
		const encounters = carriedEncounters(followUp, readRows(FollowUpRow, followUpRows, 'follow-up'), all);
		const carried = new Set(encounters.map((e) => e.id));
		return {
			followUp,
			person: readRow(PersonRow, person, 'person'),
			encounter: all.find((e) => e.id === followUp.encounterId) ?? null,
			encounters,
			event: readRow(EventRow, event, 'event'),
			// Its own promises, and those made in the conversations it carries.
			promises: readRows(PromiseRow, promiseRows, 'promise').filter(
				(p) => p.followUpId === id || carried.has(p.encounterId)
			),
			card: readRow(CardRow, card?.value, 'card')
		};
	}

	/**
	 * Writes an action's result in one transaction. The stored message wording is kept: an action
	 * must not undo an edit that landed while it was being decided. Returns what is needed to undo it.
	 */
	async apply(changes: ActionChanges): Promise<UndoSnapshot> {
		const { db } = this;
		return db.transaction('rw', [db.followUps, db.promises, ...changeLogTables(db)], async () => {
			let previous: FollowUp | null = null;
			if (changes.followUp) {
				previous = readRow(FollowUpRow, await db.followUps.get(changes.followUp.id), 'follow-up');
				if (!previous) throw new Error('This follow-up is no longer on this device.');
				const next = { ...changes.followUp, message: previous.message };
				await db.followUps.put(plainCopy(next));
				await logChange(db, 'followUps', previous, next);
			}
			const before: PromiseItem[] = [];
			const createdPromiseIds: string[] = [];
			for (const promise of changes.promises ?? []) {
				const old = readRow(PromiseRow, await db.promises.get(promise.id), 'promise');
				if (old) before.push(old);
				else createdPromiseIds.push(promise.id);
				await db.promises.put(plainCopy(promise));
				await logChange(db, 'promises', old, promise);
			}
			for (const created of changes.created ?? []) {
				await db.followUps.add(plainCopy(created));
				await logChange(db, 'followUps', null, created);
			}
			return {
				followUp: previous,
				promises: before,
				createdIds: (changes.created ?? []).map((c) => c.id),
				createdPromiseIds
			};
		});
	}

	/** Puts back what an action changed (and tells the server, like any other change). */
	async undo(snapshot: UndoSnapshot): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.followUps, db.promises, ...changeLogTables(db)], async () => {
			if (snapshot.followUp) {
				const current = await db.followUps.get(snapshot.followUp.id);
				const restored = { ...snapshot.followUp, message: current?.message ?? snapshot.followUp.message };
				await db.followUps.put(restored);
				await logChange(db, 'followUps', current, restored);
			}
			for (const promise of snapshot.promises) {
				const current = await db.promises.get(promise.id);
				await db.promises.put(promise);
				await logChange(db, 'promises', current, promise);
			}
			for (const id of snapshot.createdIds) {
				const current = await db.followUps.get(id);
				await db.followUps.delete(id);
				await logChange(db, 'followUps', current, null);
			}
			for (const id of snapshot.createdPromiseIds ?? []) {
				const current = await db.promises.get(id);
				await db.promises.delete(id);
				await logChange(db, 'promises', current, null);
			}
		});
	}

	/** The language this person's follow-ups are drafted in (null: the notes' own). */
	async setLanguage(personId: string, language: DraftLanguage | null, now: number): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.people, ...changeLogTables(db)], async () => {
			const current = readRow(PersonRow, await db.people.get(personId), 'person');
			if (!current) throw new Error('This person is no longer on this device.');
			const next = { ...current, language, updatedAt: now };
			await db.people.put(plainCopy(next));
			await logChange(db, 'people', current, next);
		});
	}

	/** Stores the user's wording of the message (null: back to the suggested one). Changes nothing else. */
	async setMessage(id: string, message: MessageDraft | null, now: number): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.followUps, ...changeLogTables(db)], async () => {
			const current = await db.followUps.get(id);
			if (!current) return;
			const next = { ...current, message: message && plainCopy(message), updatedAt: now };
			await db.followUps.put(next);
			await logChange(db, 'followUps', current, next);
		});
	}

	/** A check-in for someone, outside any follow-up (e.g. a person imported from the phone). */
	async addCheckIn(checkIn: FollowUp): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.followUps, ...changeLogTables(db)], async () => {
			await db.followUps.add(plainCopy(checkIn));
			await logChange(db, 'followUps', null, checkIn);
		});
	}
}
