import { downloadBlob } from '$lib/adapters/device/files';
import { deviceTimeZone } from '$lib/adapters/device/locale';
import { localDay } from '$lib/domain/events/local-day';
import { exportBackup, restoreBackup, type RestoreProgress, type RestoreResult } from '$lib/adapters/local/backup';
import { app } from './app';

const MAX_BACKUP_BYTES = 100 * 1024 * 1024;

/** Downloads everything on this device as one JSON file. */
export async function downloadBackup(): Promise<void> {
	const now = Date.now();
	const backup = await exportBackup(app().db, now);
	const day = localDay(now, deviceTimeZone());
	downloadBlob(
		new Blob([JSON.stringify(backup, null, 1)], { type: 'application/json' }),
		`networking-companion-backup-${day}.json`
	);
}

export type { RestoreProgress, RestoreResult };

/**
 * Restores a backup file chosen by the person, reporting progress; `signal` is the Cancel button
 * (nothing is changed then).
 */
export async function restoreFromFile(
	file: File,
	options: { signal?: AbortSignal; onProgress?: (progress: RestoreProgress) => void } = {}
): Promise<RestoreResult> {
	if (file.size > MAX_BACKUP_BYTES)
		return { ok: false, message: 'This file is too large to be a backup from this app.' };
	return restoreBackup(app().db, await file.text(), options);
}
