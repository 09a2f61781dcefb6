import { smallStore } from './small-store';

/**
 * Which database the service worker's reminders read. The app knows the active database from
 * localStorage (accounts.ts), which a service worker cannot read, so the app also keeps its name
 * here, in a small database of its own that both can open: set when someone is signed in on it or
 * turns reminders on, cleared (null) on sign-out and on "Delete all my data", so a reminder never
 * names someone else's contacts nor opens (and so re-creates) an erased database.
 */
const KEY = 'database';
const run = smallStore('reminder-target', 'target');

/** Names the database reminders read from now on; null: none (signed out, or erased). */
export async function keepReminderDatabase(name: string | null): Promise<void> {
	await run('readwrite', (store) => store.put(name, KEY));
}

/**
 * The database reminders read: a name, null for none, or undefined when the app never said (a copy
 * of the app from before this was kept, where the default database was the only one reminders read).
 */
export async function readReminderDatabase(): Promise<string | null | undefined> {
	const found: unknown = await run('readonly', (store) => store.get(KEY));
	return typeof found === 'string' || found === null ? found : undefined;
}
