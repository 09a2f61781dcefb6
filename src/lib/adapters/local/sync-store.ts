import {
	fromServerFields,
	LOCAL_TABLE,
	LOCAL_TABLES,
	type LocalTable,
	type ServerTable
} from '$lib/domain/sync/mapping';
import type { OutboxEntry, PageOutcome, PullPage, PushResult, SyncStore } from '$lib/domain/sync/ports';
import { nextMid } from './change-log';
import type { LocalDb, NoteRevisionRow, RowSeqRow } from './db';
import { EncounterRow, EventRow, FollowUpRow, PersonRow, PromiseRow, readRow } from './rows';

const SCHEMAS = {
	events: EventRow,
	people: PersonRow,
	encounters: EncounterRow,
	followUps: FollowUpRow,
	promises: PromiseRow
};
function append<K, V>(map: Map<K, V[]>, key: K, value: V): void {
	const list = map.get(key);
	if (list) list.push(value);
	else map.set(key, [value]);
}

/** What a waiting change will change on the server: a create never blanks a known value. */
function waitingFields({ op, fields }: OutboxEntry): Record<string, unknown> {
	if (op !== 'create') return fields;
	const empty = (value: unknown) => value === null || value === '' || (Array.isArray(value) && !value.length);
	return Object.fromEntries(Object.entries(fields).filter(([, value]) => !empty(value)));
}
const time = (value: unknown) => (typeof value === 'string' ? Date.parse(value) : Date.now());

/** The device's side of sync, in IndexedDB: outbox, cursor, row versions, refusals, note conflicts. */
export class DexieSyncStore implements SyncStore {
	constructor(
		private readonly db: LocalDb,
		private readonly newId: () => string = () => crypto.randomUUID()
	) {}

	async clientId(): Promise<string> {
		const { db } = this;
		return db.transaction('rw', db.syncMeta, async () => {
			const row = await db.syncMeta.get('clientId');
			if (typeof row?.value === 'string') return row.value;
			const id = this.newId();
			await db.syncMeta.put({ key: 'clientId', value: id });
			return id;
		});
	}

	/** The oldest waiting entries, from now on never merged with later edits (they are being sent). */
	async outbox(limit: number): Promise<OutboxEntry[]> {
		const { db } = this;
		return db.transaction('rw', [db.outbox, db.syncMeta], async () => {
			const entries = await db.outbox.orderBy('mid').limit(limit).toArray();
			const last = entries.at(-1)?.mid;
			const sent = (await db.syncMeta.get('sentUpTo'))?.value;
			if (last !== undefined && (typeof sent !== 'number' || last > sent))
				await db.syncMeta.put({ key: 'sentUpTo', value: last });
			return entries;
		});
	}

	async pendingCount(): Promise<number> {
		return this.db.outbox.count();
	}

	async acknowledge(outcomes: { entry: OutboxEntry; result: PushResult }[]): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.outbox, db.syncFailures], async () => {
			for (const { entry, result } of outcomes) {
				const final = result.status === 'duplicate' ? (result.original ?? result) : result;
				if (final.status === 'rejected') {
					// Never dropped silently: kept, with the server's reason, for the user to retry or discard.
					await db.syncFailures.add({
						entry,
						reason: final.reason ?? 'The server refused this change.',
						code: final.code ?? null,
						at: Date.now()
					});
				}
				await db.outbox.delete(entry.mid);
			}
		});
	}

	async renumber(next: number): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.outbox, db.syncMeta], async () => {
			const entries = await db.outbox.orderBy('mid').toArray();
			await db.outbox.clear();
			await db.outbox.bulkAdd(entries.map((entry, i) => ({ ...entry, mid: next + i })));
			await db.syncMeta.put({ key: 'nextMid', value: next + entries.length });
		});
	}

	/** When this device last cleared its copy because the user deleted all their data elsewhere. */
	async erasedElsewhereAt(): Promise<number | null> {
		const row = await this.db.syncMeta.get('erasedElsewhereAt');
		return typeof row?.value === 'number' ? row.value : null;
	}

	async cursor(): Promise<number> {
		const row = await this.db.syncMeta.get('cursor');
		return typeof row?.value === 'number' ? row.value : 0;
	}

	async seenErasure(): Promise<string | null | undefined> {
		const row = await this.db.syncMeta.get('erasedAt');
		if (!row) return undefined;
		return typeof row.value === 'string' ? row.value : null;
	}

	/** What a page or a push answer that tells of a newer erasure clears, in one transaction. */
	private copyTables() {
		const { db } = this;
		return [
			db.events,
			db.people,
			db.encounters,
			db.followUps,
			db.promises,
			db.noteRevisions,
			db.rowSeq,
			db.syncMeta,
			db.outbox,
			db.syncFailures
		];
	}

	async clearForErasure(erasedAt: string | null): Promise<void> {
		await this.db.transaction('rw', this.copyTables(), () => this.clearCopy(erasedAt));
	}

	/**
	 * Clears this copy of the user's data after an erasure it had not heard of: every synced row,
	 * note revision and row version, and the outbox and refused list too — what waits there was made
	 * before the device heard, so "Delete all my data" covers it. The cursor goes back to the start.
	 * Runs inside the caller's transaction over copyTables().
	 */
	private async clearCopy(erasedAt: string | null): Promise<void> {
		const { db } = this;
		for (const table of LOCAL_TABLES) await db[table].clear();
		await Promise.all([db.noteRevisions.clear(), db.rowSeq.clear(), db.outbox.clear(), db.syncFailures.clear()]);
		await db.syncMeta.put({ key: 'erasedAt', value: erasedAt });
		await db.syncMeta.put({ key: 'erasedElsewhereAt', value: Date.now() });
		await db.syncMeta.put({ key: 'cursor', value: 0 });
	}

	/**
	 * Writes a pulled page in one transaction with the new cursor. Rows with local edits still
	 * waiting in the outbox get those edits re-applied on top, so nothing the user did is undone
	 * by a pull; deletions (the server's or the device's own pending one) remove the row. Written
	 * in bulk: a page is a few IndexedDB requests, not a few per row.
	 */
	async applyPage(page: PullPage): Promise<PageOutcome> {
		const { db } = this;
		return db.transaction('rw', this.copyTables(), async () => {
			// The user deleted all their data on another device since this one last heard: clear this
			// copy of it and pull again from the start. (What waits here was made before the device
			// heard; the server refuses such pushes, so it is erased too.) The first page a device ever
			// pulls only tells it where things stand.
			const erasedAt = page.erased_at ?? null;
			const seen = await db.syncMeta.get('erasedAt');
			if (seen && seen.value !== erasedAt && erasedAt !== null) {
				await this.clearCopy(erasedAt);
				return 'restart';
			}
			if (!seen || seen.value !== erasedAt) await db.syncMeta.put({ key: 'erasedAt', value: erasedAt });
			// What is still waiting to be pushed (usually little: sync pushes before it pulls).
			const waiting = new Map<string, OutboxEntry[]>();
			for (const entry of await db.outbox.orderBy('mid').toArray()) {
				append(waiting, `${entry.table}/${entry.id}`, entry);
			}
			const puts = new Map<LocalTable, Record<string, unknown>[]>();
			const deletes = new Map<LocalTable, string[]>();
			const seqs: RowSeqRow[] = [];
			const revisions: NoteRevisionRow[] = [];
			for (const { table, row } of page.rows) {
				if (table === 'note_revisions') {
					revisions.push({
						id: String(row.id),
						encounterId: String(row.encounter_id),
						note: String(row.note ?? ''),
						source: row.source === 'client' ? 'client' : 'server',
						serverSeq: Number(row.server_seq),
						createdAt: time(row.created_at)
					});
					continue;
				}
				if (!Object.hasOwn(LOCAL_TABLE, table)) continue;
				const local = LOCAL_TABLE[table as ServerTable];
				const id = String(row.id);
				seqs.push({ table, id, seq: Number(row.server_seq) });
				const pending = waiting.get(`${table}/${id}`) ?? [];
				if (row.deleted_at || pending.some((entry) => entry.op === 'delete')) {
					append(deletes, local, id);
					continue;
				}
				let record: Record<string, unknown> = {
					id,
					...fromServerFields(local, row),
					createdAt: time(row.created_at),
					updatedAt: time(row.updated_at)
				};
				for (const entry of pending) record = { ...record, ...fromServerFields(local, waitingFields(entry)) };
				const valid = readRow(SCHEMAS[local] as never, record, `pulled ${local}`) as Record<string, unknown> | null;
				if (valid) append(puts, local, valid);
			}
			await db.rowSeq.bulkPut(seqs);
			if (revisions.length) await db.noteRevisions.bulkPut(revisions);
			for (const [local, ids] of deletes) await db[local].bulkDelete(ids);
			for (const [local, records] of puts)
				await (db[local] as unknown as { bulkPut(values: unknown[]): Promise<unknown> }).bulkPut(records);
			await db.syncMeta.put({ key: 'cursor', value: page.next });
			return 'applied';
		});
	}

	/** Changes the server refused, in the order they were made. */
	async failures() {
		return this.db.syncFailures.toArray();
	}

	/** Sends refused changes again, as new mutations, in the order they were first made. */
	async retry(keys: readonly number[]): Promise<void> {
		const { db } = this;
		await db.transaction('rw', [db.syncFailures, db.outbox, db.syncMeta], async () => {
			for (const key of [...keys].sort((a, b) => a - b)) {
				const failure = await db.syncFailures.get(key);
				if (!failure) continue;
				await db.outbox.add({ ...failure.entry, mid: await nextMid(db) });
				await db.syncFailures.delete(key);
			}
		});
	}

	/**
	 * Gives up a refused change: the next sync pulls everything again, so the device shows what the
	 * server has (the refused edit is dropped on purpose, by the user).
	 */
	async discard(keys: readonly number[]): Promise<void> {
		const { db } = this;
		const tables = [db.syncFailures, db.syncMeta, db.rowSeq, db.outbox, ...LOCAL_TABLES.map((t) => db[t])];
		await db.transaction('rw', tables, async () => {
			for (const key of keys) {
				const failure = await db.syncFailures.get(key);
				await db.syncFailures.delete(key);
				if (!failure) continue;
				const { table, id } = failure.entry;
				const known = await db.rowSeq.get([table, id]);
				const waiting = await db.outbox.where('[table+id]').equals([table, id]).count();
				// A row the server never accepted, with nothing else waiting for it, leaves the device.
				if (!known && !waiting && Object.hasOwn(LOCAL_TABLE, table)) await db[LOCAL_TABLE[table]].delete(id);
			}
			await db.syncMeta.put({ key: 'cursor', value: 0 });
		});
	}
}
