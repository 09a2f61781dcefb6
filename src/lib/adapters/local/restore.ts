import { LOCAL_TABLES } from '$lib/domain/sync/mapping';
import type { RestoreNote } from '$lib/domain/sync/restore-report';
import { checkBackup, type RestoreOptions } from './backup-check';
import { changeLogTables, logChanges, type Change } from './change-log';
import type { LocalDb } from './db';

export { BACKUP_FORMAT, BACKUP_VERSION, RECORD_SCHEMA, type RestoreProgress } from './backup-check';

export type RestoreResult =
	| { ok: true; records: number; cut: RestoreNote[]; leftOut: RestoreNote[] }
	| { ok: false; message: string; cancelled?: true };

const CANCELLED = { ok: false, cancelled: true, message: 'Restore cancelled. Nothing was changed.' } as const;
/** Records written between two reports of progress (and looks at Cancel). */
const CHUNK = 500;
type Row = Record<string, unknown> & { id: string };

/**
 * Puts a backup's records back (a record with the same id is replaced by the backup's), in one
 * transaction: all of it or, if anything is wrong or Cancel is pressed, none of it. Records the
 * server would refuse are cut to fit or left out, and said so. Restored records are changes like
 * any other, so they also reach the server when signed in. Works a chunk at a time, reporting
 * progress, so a large backup leaves the screen responsive.
 */
export async function restoreBackup(db: LocalDb, text: string, options: RestoreOptions = {}): Promise<RestoreResult> {
	const { signal, onProgress } = options;
	if (signal?.aborted) return CANCELLED;
	const checked = await checkBackup(text, options);
	if (!checked) return CANCELLED;
	if (!checked.ok) return checked;
	const { card, kept, cut, leftOut } = checked;
	const total = [...kept.values()].reduce((n, list) => n + list.length, 0);
	const tables = [...LOCAL_TABLES.map((t) => db[t]), db.drafts, db.settings, ...changeLogTables(db)];
	let done = 0;
	try {
		await db.transaction('rw', tables, async () => {
			for (const [part, list] of kept) {
				const target = (part === 'drafts' ? db.drafts : db[part]) as unknown as {
					bulkGet(ids: string[]): Promise<(Row | undefined)[]>;
					bulkPut(rows: Row[]): Promise<unknown>;
				};
				for (let start = 0; start < list.length; start += CHUNK) {
					const chunk = list.slice(start, start + CHUNK);
					const before = await target.bulkGet(chunk.map((row) => row.id));
					await target.bulkPut(chunk);
					if (part !== 'drafts') {
						const changes = chunk.map((after, i): Change => ({ table: part, before: before[i], after }));
						await logChanges(db, changes);
					}
					done += chunk.length;
					onProgress?.({ phase: 'writing', done, total });
					// Throwing rolls the whole transaction back: nothing was changed.
					if (signal?.aborted) throw new DOMException('Restore cancelled', 'AbortError');
				}
			}
			if (card) await db.settings.put({ key: 'myCard', value: card });
		});
	} catch (error) {
		if (signal?.aborted) return CANCELLED;
		throw error;
	}
	return { ok: true, records: total + (card ? 1 : 0), cut, leftOut };
}
