import { CaptureStore } from '$lib/adapters/local/capture-store';
import { LocalDb } from '$lib/adapters/local/db';
import { DebriefStore } from '$lib/adapters/local/debrief-store';
import { EventStore } from '$lib/adapters/local/event-store';
import { FollowUpStore } from '$lib/adapters/local/follow-up-store';
import { PeopleStore } from '$lib/adapters/local/people-store';
import { SettingsStore } from '$lib/adapters/local/settings-store';

/** The device's stores, wired once for the whole app. */
export class AppServices {
	readonly db = new LocalDb();
	readonly settings = new SettingsStore(this.db);
	readonly events = new EventStore(this.db);
	readonly capture = new CaptureStore(this.db);
	readonly people = new PeopleStore(this.db);
	readonly followUps = new FollowUpStore(this.db);
	readonly debrief = new DebriefStore(this.db);
}

let services: AppServices | null = null;

/** The app's services (created on first use, in the browser). */
export function app(): AppServices {
	services ??= new AppServices();
	return services;
}

/** A new random id for a record. */
export function newId(): string {
	return crypto.randomUUID();
}
