import * as v from 'valibot';
import { isStorableTime, unstorableField } from '$lib/domain/sync/bounds';
import { LOCAL_TABLES, type LocalTable } from '$lib/domain/sync/mapping';
import { storableJson } from '$lib/domain/text/storable';
import { changeLogTables, logChange } from './change-log';
import type { LocalDb } from './db';
import { CardRow, DraftRow, EncounterRow, EventRow, FollowUpRow, PersonRow, PromiseRow } from './rows';

/** The app's full backup: every record of the person's own, as JSON they can keep anywhere. */
export const BACKUP_FORMAT = 'networking-companion-backup';
export const BACKUP_VERSION = 1;

// Only known fields are kept from a backup file (it is a trust boundary like a scan).
const strict = <T extends v.LooseObjectSchema<v.ObjectEntries, undefined>>(schema: T) => v.object(schema.entries);
const MAX_ROWS = 200_000;
const rows = <T extends v.GenericSchema>(schema: T) => v.pipe(v.array(schema), v.maxLength(MAX_ROWS));

const BackupSchema = v.object({
	format: v.literal(BACKUP_FORMAT),
	version: v.literal(BACKUP_VERSION),
	exportedAt: v.string(),
	card: v.nullable(CardRow),
	events: rows(strict(EventRow)),
	people: rows(strict(PersonRow)),
	encounters: rows(strict(EncounterRow)),
	followUps: rows(strict(FollowUpRow)),
	promises: rows(strict(PromiseRow)),
	drafts: rows(DraftRow)
});

export type Backup = v.InferOutput<typeof BackupSchema>;

/** Everything on this device, as one JSON-ready object. */
export async function exportBackup(db: LocalDb, now: number): Promise<Backup> {
	return db.transaction('r', [...LOCAL_TABLES.map((t) => db[t]), db.drafts, db.settings], async () => {
		const card = (await db.settings.get('myCard'))?.value ?? null;
		const backup = {
			format: BACKUP_FORMAT,
			version: BACKUP_VERSION,
			exportedAt: new Date(now).toISOString(),
			card,
			events: await db.events.toArray(),
			people: await db.people.toArray(),
			encounters: await db.encounters.toArray(),
			followUps: await db.followUps.toArray(),
			promises: await db.promises.toArray(),
			drafts: await db.drafts.toArray()
		};
		// The same checks as a restore: a backup that could not be restored is not written.
		return v.parse(BackupSchema, JSON.parse(JSON.stringify(backup)));
	});
}

export type RestoreResult = { ok: true; records: number } | { ok: false; message: string };

/**
 * Where a backup holds a value the server would refuse (a date outside 1900–2199, a day that is not
 * one, a person's match keys beyond 20 or too long), as "encounters.3.metAt", or null. Restored
 * records sync like any change, so one the server refuses would only land in "couldn't sync".
 */
function outOfBounds(backup: Backup): string | null {
	for (const table of LOCAL_TABLES) {
		const records = backup[table] as unknown as Record<string, unknown>[];
		for (const [i, record] of records.entries()) {
			const field = unstorableField(table, record);
			if (field) return `${table}.${i}.${field}`;
		}
	}
	const draft = backup.drafts.findIndex((d) => !isStorableTime(d.metAt));
	return draft < 0 ? null : `drafts.${draft}.metAt`;
}

/**
 * Puts a backup's records back (a record with the same id is replaced by the backup's), in one
 * transaction: all of it or, if anything is wrong, none of it. Restored records are changes like any
 * other, so they also reach the server when signed in.
 */
export async function restoreBackup(db: LocalDb, text: string): Promise<RestoreResult> {
	let json: unknown;
	try {
		// A file can hold what Postgres cannot (NUL, lone surrogates): restored records sync.
		json = storableJson(JSON.parse(text));
	} catch {
		return { ok: false, message: 'This file is not a backup from this app (it is not JSON).' };
	}
	const parsed = v.safeParse(BackupSchema, json);
	if (!parsed.success) {
		const issue = parsed.issues[0];
		const where = issue?.path?.map((p) => String(p.key)).join('.') ?? '';
		return {
			ok: false,
			message: `This file is not a backup this app can restore${where ? ` (at ${where.slice(0, 80)})` : ''}. Nothing was changed.`
		};
	}
	const backup = parsed.output;
	const unstorable = outOfBounds(backup);
	if (unstorable)
		return {
			ok: false,
			message: `This backup holds a date or key this app does not keep (at ${unstorable.slice(0, 80)}). Nothing was changed.`
		};
	const tables = [...LOCAL_TABLES.map((t) => db[t]), db.drafts, db.settings, ...changeLogTables(db)];
	await db.transaction('rw', tables, async () => {
		for (const table of LOCAL_TABLES) {
			const target = db[table] as unknown as {
				get(id: string): Promise<{ id: string } | undefined>;
				put(row: unknown): Promise<unknown>;
			};
			for (const row of backup[table as LocalTable] as { id: string }[]) {
				const existing = await target.get(row.id);
				await target.put(row);
				await logChange(db, table, existing, row);
			}
		}
		for (const draft of backup.drafts) await db.drafts.put(draft);
		if (backup.card) await db.settings.put({ key: 'myCard', value: backup.card });
	});
	const records = LOCAL_TABLES.reduce((n, t) => n + backup[t].length, 0) + backup.drafts.length + (backup.card ? 1 : 0);
	return { ok: true, records };
}
