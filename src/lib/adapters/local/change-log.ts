import { changedServerFields, SERVER_TABLE, type LocalTable } from '$lib/domain/sync/mapping';
import type { OutboxEntry } from '$lib/domain/sync/ports';
import type { LocalDb } from './db';

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
