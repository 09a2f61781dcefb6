import { DatabaseRegistry, DEFAULT_DB } from '$lib/adapters/local/accounts';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { DebriefStore } from '$lib/adapters/local/debrief-store';
import { EventStore } from '$lib/adapters/local/event-store';
import { FollowUpStore } from '$lib/adapters/local/follow-up-store';
import { SettingsStore } from '$lib/adapters/local/settings-store';

/**
 * The device's stores the whole app uses, wired once on the signed-in user's database. The people
 * screens' store is people() (state/people.ts), which the app shell does not load.
 */
export class AppServices {
	readonly db: LocalDb;
	readonly settings: SettingsStore;
	readonly events: EventStore;
	readonly capture: CaptureStore;
	readonly followUps: FollowUpStore;
	readonly debrief: DebriefStore;

	constructor(readonly dbName: string) {
		const db = (this.db = new LocalDb(dbName));
		this.settings = new SettingsStore(db);
		this.events = new EventStore(db);
		this.capture = new CaptureStore(db);
		this.followUps = new FollowUpStore(db);
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
