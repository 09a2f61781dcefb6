import { unionKeys } from '$lib/domain/people/contact-merge';
import { LOCAL_TABLES } from '$lib/domain/sync/mapping';
import { changeLogTables, logChange } from './change-log';
import type { LocalDb } from './db';

type Row = { id: string } & Record<string, unknown>;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/** The part of the Web Locks API the move uses (navigator.locks), injectable for tests. */
export interface LockManagerLike {
	request<T>(name: string, task: () => Promise<T>): Promise<T>;
}

/** What moving can be told: the lock manager (navigator.locks by default), and a test's pause. */
export interface MoveOptions {
	locks?: LockManagerLike | null;
	/** Runs after the user's copy is written and before the guest's is cleared (tests only). */
	beforeClear?: () => Promise<void>;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Moves what was captured while signed out (the guest database) into the database of a user who
 * signed in on this device before, as their own changes waiting to be pushed — so a returning user
 * finds those contacts in their account, not stranded. Unfinished notes (drafts) move too. A person
 * known on both sides keeps every detail (the guest's fill what was empty; match keys are joined).
 * Returns how many records moved.
 *
 * Several tabs may be open on the guest data when one signs in: the move runs under one device-wide
 * lock (each tab that signs in moves what is left, never the same rows twice), and the guest keeps
 * any record written after it was read (a draft another tab saved meanwhile), for the next move.
 */
export async function moveGuestData(guest: LocalDb, user: LocalDb, options: MoveOptions = {}): Promise<number> {
	const locks =
		options.locks === undefined ? (globalThis.navigator?.locks as LockManagerLike | undefined) : options.locks;
	const move = () => moveUnlocked(guest, user, options);
	return locks ? locks.request('guest-data-move', move) : move();
}

async function moveUnlocked(guest: LocalDb, user: LocalDb, options: MoveOptions): Promise<number> {
	const rows = new Map<(typeof LOCAL_TABLES)[number], Row[]>();
	for (const table of LOCAL_TABLES) rows.set(table, (await guest[table].toArray()) as unknown as Row[]);
	const drafts = await guest.drafts.toArray();
	const outbox = await guest.outbox.toCollection().primaryKeys();
	const count = [...rows.values()].reduce((n, list) => n + list.length, 0) + drafts.length;
	if (!count) return 0;

	const tables = [...LOCAL_TABLES.map((t) => user[t]), user.drafts, ...changeLogTables(user)];
	await user.transaction('rw', tables, async () => {
		for (const table of LOCAL_TABLES) {
			const target = user[table] as unknown as {
				get(id: string): Promise<Row | undefined>;
				put(row: Row): Promise<unknown>;
			};
			for (const row of rows.get(table)!) {
				const existing = await target.get(row.id);
				let next = row;
				if (existing) {
					next = { ...existing };
					for (const [key, value] of Object.entries(row)) if (isEmpty(next[key])) next[key] = value;
					if (Array.isArray(existing.matchKeys) && Array.isArray(row.matchKeys)) {
						next.matchKeys = unionKeys(existing.matchKeys as string[], row.matchKeys as string[]);
					}
				}
				await target.put(next);
				await logChange(user, table, existing, next, { revive: true });
			}
		}
		// A draft the user's data already has stays, unless the guest's was written later (a tab went
		// on typing in it while another moved it).
		for (const draft of drafts) {
			const theirs = await user.drafts.get(draft.id);
			if (!theirs || theirs.updatedAt < draft.updatedAt) await user.drafts.put(draft);
		}
	});
	await options.beforeClear?.();
	// Only what was moved, as it was read: a record changed since stays, for the next move.
	await guest.transaction('rw', [...LOCAL_TABLES.map((t) => guest[t]), guest.drafts, guest.outbox], async () => {
		for (const table of LOCAL_TABLES) {
			const store = guest[table] as unknown as {
				get(id: string): Promise<Row | undefined>;
				delete(id: string): Promise<void>;
			};
			for (const row of rows.get(table)!) if (same(await store.get(row.id), row)) await store.delete(row.id);
		}
		for (const draft of drafts) if (same(await guest.drafts.get(draft.id), draft)) await guest.drafts.delete(draft.id);
		await guest.outbox.bulkDelete(outbox);
	});
	return count;
}
