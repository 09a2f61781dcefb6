import { unionKeys } from '$lib/domain/people/contact-merge';
import { LOCAL_TABLES } from '$lib/domain/sync/mapping';
import { changeLogTables, logChange } from './change-log';
import type { LocalDb } from './db';

type Row = { id: string } & Record<string, unknown>;

const isEmpty = (value: unknown) => value === undefined || value === null || value === '';

/**
 * Moves what was captured while signed out (the guest database) into the database of a user who
 * signed in on this device before, as their own changes waiting to be pushed — so a returning user
 * finds those contacts in their account, not stranded. Unfinished notes (drafts) move too. A person
 * known on both sides keeps every detail (the guest's fill what was empty; match keys are joined).
 * Returns how many records moved; the guest database is emptied only once they are in.
 */
export async function moveGuestData(guest: LocalDb, user: LocalDb): Promise<number> {
	const rows = new Map<(typeof LOCAL_TABLES)[number], Row[]>();
	for (const table of LOCAL_TABLES) rows.set(table, (await guest[table].toArray()) as unknown as Row[]);
	const drafts = await guest.drafts.toArray();
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
		for (const draft of drafts) if (!(await user.drafts.get(draft.id))) await user.drafts.put(draft);
	});
	await guest.transaction('rw', [...LOCAL_TABLES.map((t) => guest[t]), guest.drafts, guest.outbox], async () => {
		for (const table of LOCAL_TABLES) await guest[table].clear();
		await guest.drafts.clear();
		await guest.outbox.clear();
	});
	return count;
}
