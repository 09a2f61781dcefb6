/**
 * Which database the service worker's reminders read. The app knows the active database from
 * localStorage (accounts.ts), which a service worker cannot read, so the app also keeps its name
 * here, in a small database of its own that both can open: set when someone is signed in on it or
 * turns reminders on, cleared (null) on sign-out and on "Delete all my data", so a reminder never
 * names someone else's contacts nor opens (and so re-creates) an erased database.
 */
const DB = 'reminder-target';
const STORE = 'target';
const KEY = 'database';

function open(): Promise<IDBDatabase> {
	return new Promise((resolve, reject) => {
		const request = indexedDB.open(DB, 1);
		request.onupgradeneeded = () => request.result.createObjectStore(STORE);
		request.onsuccess = () => resolve(request.result);
		request.onerror = () => reject(request.error);
	});
}

async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
	const db = await open();
	try {
		return await new Promise<T>((resolve, reject) => {
			const transaction = db.transaction(STORE, mode);
			const request = work(transaction.objectStore(STORE));
			transaction.oncomplete = () => resolve(request.result);
			transaction.onerror = () => reject(transaction.error);
			transaction.onabort = () => reject(transaction.error);
		});
	} finally {
		db.close();
	}
}

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
