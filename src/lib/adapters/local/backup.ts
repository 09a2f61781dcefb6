import * as v from 'valibot';
import { LOCAL_TABLES } from '$lib/domain/sync/mapping';
import type { LocalDb } from './db';
import { CardRow } from './rows';
import { BACKUP_FORMAT, BACKUP_VERSION, RECORD_SCHEMA } from './restore';

/** The app's full backup: every record of the person's own, as JSON they can keep anywhere. */
export { BACKUP_FORMAT, BACKUP_VERSION, restoreBackup, type RestoreProgress, type RestoreResult } from './restore';

const BackupSchema = v.object({
	format: v.literal(BACKUP_FORMAT),
	version: v.literal(BACKUP_VERSION),
	exportedAt: v.string(),
	card: v.nullable(CardRow),
	events: v.array(RECORD_SCHEMA.events),
	people: v.array(RECORD_SCHEMA.people),
	encounters: v.array(RECORD_SCHEMA.encounters),
	followUps: v.array(RECORD_SCHEMA.followUps),
	promises: v.array(RECORD_SCHEMA.promises),
	drafts: v.array(RECORD_SCHEMA.drafts)
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
		// The same record checks as a restore: a backup that could not be restored is not written.
		return v.parse(BackupSchema, JSON.parse(JSON.stringify(backup)));
	});
}
