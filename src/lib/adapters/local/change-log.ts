import { changedServerFields, SERVER_TABLE, type LocalTable } from '$lib/domain/sync/mapping';
import type { OutboxEntry } from '$lib/domain/sync/ports';
import type { LocalDb, SettingRow } from './db';

type Row = Record<string, unknown>;

/** The tables a transaction that changes synced data must include, for its outbox entry. */
export function changeLogTables(db: LocalDb) {
	return [db.outbox, db.syncMeta, db.rowSeq];
}

/** The next mutation id of this device (inside the caller's transaction). */
export async function nextMid(db: LocalDb): Promise<number> {
	const row = await db.syncMeta.get('nextMid');
	const mid = typeof row?.value === 'number' ? row.value : 1;
	await db.syncMeta.put({ key: 'nextMid', value: mid + 1 });
	return mid;
}

/**
 * Records a local change in the outbox. Must run inside the transaction that makes the change
 * (include changeLogTables), so the change and its outbox entry are written together or not at all.
 * Only what the change touched is sent, with the row version it was based on. `revive`: the user
 * brought this row into use again (scanned a known person), so it comes back even if another
 * device deleted it meanwhile.
 */
export async function logChange<T extends { id: string }>(
	db: LocalDb,
	table: LocalTable,
	before: T | null | undefined,
	after: T | null,
	options: { revive?: boolean } = {}
): Promise<void> {
	const id = (after ?? before)?.id;
	if (!id) return;
	let op: OutboxEntry['op'] = before && !options.revive ? 'upsert' : 'create';
	let fields: Record<string, unknown> = {};
	if (after === null) {
		op = 'delete';
	} else {
		const changed = changedServerFields(table, before as unknown as Row | null | undefined, after as unknown as Row);
		if (!changed && !options.revive) return;
		fields = changed ?? {};
	}
	const serverTable = SERVER_TABLE[table];
	if (op === 'upsert' && (await mergeIntoLast(db, serverTable, id, fields))) return;
	const base = await db.rowSeq.get([serverTable, id]);
	await db.outbox.add({ mid: await nextMid(db), table: serverTable, id, op, fields, baseSeq: base?.seq ?? null });
}

/** One change for logChanges: as the arguments of logChange. */
export interface Change<T extends { id: string } = { id: string }> {
	table: LocalTable;
	before: T | null | undefined;
	after: T | null;
	options?: { revive?: boolean };
}

/**
 * What logChanges reads before it writes — the next mutation id, and the version this device last
 * pulled of each row (`seqs`, by seqKey; null: none) — read by a caller in its own first round of
 * requests, so that logging its changes adds no round of its own.
 */
export interface ReadAhead {
	counter: SettingRow | undefined;
	seqs: Map<string, number | null>;
}

export const seqKey = (table: LocalTable, id: string) => `${SERVER_TABLE[table]}:${id}`;

/** Reads ahead, for logChanges, the counter and these rows' versions (inside the caller's transaction). */
export async function readAhead(db: LocalDb, rows: readonly [LocalTable, string][]): Promise<ReadAhead> {
	const [counter, found] = await Promise.all([
		db.syncMeta.get('nextMid'),
		db.rowSeq.bulkGet(rows.map(([table, id]): [string, string] => [SERVER_TABLE[table], id]))
	]);
	return { counter, seqs: new Map(rows.map(([table, id], i) => [seqKey(table, id), found[i]?.seq ?? null])) };
}

/**
 * Records several changes at once: the same outbox entries, in the same order, as one logChange
 * each, but in two rounds of requests instead of four requests per row (saving a contact logs four
 * to eight rows, and each request waits for the one before) — in one round when `ahead` holds every
 * row's version (the caller read them with readAhead, or knows a row it just created has none).
 * Edits and deletions, which may merge into an earlier entry, are logged one by one as logChange does.
 */
export async function logChanges(db: LocalDb, changes: readonly Change[], ahead?: ReadAhead): Promise<void> {
	if (changes.some((c) => c.after === null || (c.before && !c.options?.revive))) {
		for (const c of changes) await logChange(db, c.table, c.before, c.after, c.options);
		return;
	}
	const entries = changes.flatMap(({ table, before, after, options }) => {
		const fields =
			after && changedServerFields(table, before as unknown as Row | null | undefined, after as unknown as Row);
		if (!after || (!fields && !options?.revive)) return [];
		return [{ local: table, table: SERVER_TABLE[table], id: after.id, op: 'create' as const, fields: fields ?? {} }];
	});
	if (!entries.length) return;
	const unknown = entries.filter((e) => !ahead?.seqs.has(seqKey(e.local, e.id)));
	const [read, counter] = await Promise.all([
		unknown.length ? db.rowSeq.bulkGet(unknown.map((e): [string, string] => [e.table, e.id])) : [],
		ahead ? ahead.counter : db.syncMeta.get('nextMid')
	]);
	const seqs = new Map(ahead?.seqs);
	unknown.forEach((e, i) => seqs.set(seqKey(e.local, e.id), read[i]?.seq ?? null));
	const first = typeof counter?.value === 'number' ? counter.value : 1;
	await Promise.all([
		db.outbox.bulkAdd(
			entries.map(({ local, ...e }, i) => ({ mid: first + i, ...e, baseSeq: seqs.get(seqKey(local, e.id)) ?? null }))
		),
		db.syncMeta.put({ key: 'nextMid', value: first + entries.length })
	]);
}

/**
 * A burst of edits to one row (typing a message) makes one outbox entry, not one per save: an edit
 * joins the newest entry when that entry is an edit of the same row that has not been handed to a
 * push yet (`sentUpTo`, set in the same kind of transaction by DexieSyncStore.outbox).
 */
async function mergeIntoLast(
	db: LocalDb,
	table: string,
	id: string,
	fields: Record<string, unknown>
): Promise<boolean> {
	const last = await db.outbox.orderBy('mid').last();
	if (!last || last.table !== table || last.id !== id || last.op !== 'upsert') return false;
	const sent = (await db.syncMeta.get('sentUpTo'))?.value;
	if (typeof sent === 'number' && last.mid <= sent) return false;
	await db.outbox.put({ ...last, fields: { ...last.fields, ...fields } });
	return true;
}
