/** Whether the browser keeps this site's data under storage pressure: true, false, or null if unknown. */
export async function isStoragePersistent(): Promise<boolean | null> {
	if (!navigator.storage?.persisted) return null;
	try {
		return await navigator.storage.persisted();
	} catch {
		return null;
	}
}

/** Asks the browser to keep this site's data; returns the answer, or null where it can't be asked. */
export async function requestPersistentStorage(): Promise<boolean | null> {
	if (!navigator.storage?.persist) return null;
	try {
		return await navigator.storage.persist();
	} catch {
		return null;
	}
}
