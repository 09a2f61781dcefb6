import { DatabaseRegistry, DEFAULT_DB } from '$lib/adapters/local/accounts';
import { LocalDb } from '$lib/adapters/local/db';
import { DebriefStore } from '$lib/adapters/local/debrief-store';
import { FollowUpCounts } from '$lib/adapters/local/follow-up-counts';
import { SettingsStore } from '$lib/adapters/local/settings-store';
import { UnfinishedNotes } from '$lib/adapters/local/unfinished-notes';

/**
 * The device's stores the app shell reads (home, navigation, banners) and other screens share,
 * wired once on the signed-in user's database. Stores for one area's screens have their own
 * accessor, which the shell does not load: peopleStore(), followUpQueue(), followUpStore(),
 * captureStore(), eventStore().
 */
export class AppServices {
	readonly db: LocalDb;
	readonly settings: SettingsStore;
	readonly unfinished: UnfinishedNotes;
	/** How many follow-ups need action; the queue itself is followUpQueue(). */
	readonly followUps: FollowUpCounts;
	readonly debrief: DebriefStore;

	constructor(readonly dbName: string) {
		const db = (this.db = new LocalDb(dbName));
		// Erased or upgraded from another tab (closed for good, see LocalDb): start again on the
		// database the device names now, with the code that goes with it.
		db.on('versionchange', () => location.reload());
		this.settings = new SettingsStore(db);
		this.unfinished = new UnfinishedNotes(db);
		this.followUps = new FollowUpCounts(db);
		this.debrief = new DebriefStore(db);
	}
}

/** Which database is whose on this device (one per user; a guest one while signed out). */
export function databases(): DatabaseRegistry | null {
	return typeof localStorage === 'undefined' ? null : new DatabaseRegistry(localStorage);
}

let services: AppServices | null = null;

/** The app's services (created on first use, in the browser). */
export function app(): AppServices {
	services ??= new AppServices(databases()?.active() ?? DEFAULT_DB);
	return services;
}

/** A new random id for a record. */
export function newId(): string {
	return crypto.randomUUID();
}
