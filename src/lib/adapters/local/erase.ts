import type { DatabaseRegistry } from './accounts';
import type { LocalDb } from './db';

/**
 * Deletes the database the app has open — contacts, notes, follow-ups, promises, events, the card,
 * settings, unsaved drafts, the outbox and sync state all live in it — and, for a signed-in
 * user's, forgets it in the registry, so the app opens on the guest data (empty for a first run).
 * Other people's databases on this device are theirs and stay.
 */
export async function eraseLocalData(
	db: LocalDb,
	registry: DatabaseRegistry | null,
	userId: string | null
): Promise<void> {
	// Closes this tab's connection for good (a late query cannot recreate the database); other
	// tabs' connections close when the delete asks them to (Dexie's default).
	await db.delete({ disableAutoOpen: true });
	if (userId) registry?.forget(userId);
}
