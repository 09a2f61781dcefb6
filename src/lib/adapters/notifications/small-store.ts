/**
 * One object store in an IndexedDB database of its own, read and written by both the app and the
 * service worker (which has no Dexie schema and cannot read localStorage): each call opens the
 * database, runs one request in one transaction, and closes it again.
 */
export function smallStore(database: string, store: string) {
	function open(): Promise<IDBDatabase> {
		return new Promise((resolve, reject) => {
			const request = indexedDB.open(database, 1);
			request.onupgradeneeded = () => request.result.createObjectStore(store);
			request.onsuccess = () => resolve(request.result);
			request.onerror = () => reject(request.error);
		});
	}

	return async function run<T>(mode: IDBTransactionMode, work: (store: IDBObjectStore) => IDBRequest<T>): Promise<T> {
		const db = await open();
		try {
			return await new Promise<T>((resolve, reject) => {
				const transaction = db.transaction(store, mode);
				const request = work(transaction.objectStore(store));
				transaction.oncomplete = () => resolve(request.result);
				transaction.onerror = () => reject(transaction.error);
				transaction.onabort = () => reject(transaction.error);
			});
		} finally {
			db.close();
		}
	};
}
