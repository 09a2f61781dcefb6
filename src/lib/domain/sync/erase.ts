import { RemoteError, type RemoteEraser, type RemoteFailure } from './ports';

export interface EraseSteps {
	/** The server's copy of the user's data; null when there is none to delete (local-only, signed out). */
	server: RemoteEraser | null;
	/** Deletes everything on this device. Called only once the server's copy is gone. */
	eraseLocal(): Promise<void>;
}

export type EraseOutcome =
	| { ok: true; serverRows: number | null }
	| { ok: false; failed: 'server' | 'device'; kind: RemoteFailure | null; message: string; cause: unknown };

const KEPT = 'Nothing on this device was deleted.';

/** Words for a server failure a person can act on; the data here is always still here. */
export function serverFailureMessage(kind: RemoteFailure, error: unknown): string {
	switch (kind) {
		case 'offline':
			return `The server could not be reached, so your data on it could not be deleted. ${KEPT} Check your connection and try again.`;
		case 'unauthorized':
			return `Your session has ended, so your data on the server could not be deleted. ${KEPT} Sign in again, then try again.`;
		case 'server':
			return `The server had a problem and did not delete your data. ${KEPT} Try again in a minute.`;
		case 'unavailable':
			return `The server is not set up to delete your data (${error instanceof Error ? error.message : String(error)}). ${KEPT} Tell whoever runs this app's Supabase project, and try again once it is set up.`;
		// (delete_my_data meets no quota; sync_push does.)
		case 'refused':
		case 'quota':
			return `The server refused to delete your data (${error instanceof Error ? error.message : String(error)}). ${KEPT}`;
	}
}

async function eraseOnServer(server: RemoteEraser): Promise<number> {
	try {
		return await server.deleteMyData();
	} catch (error) {
		// An expired token is refreshed once, as a sync round does; anything else is the answer.
		if (!(error instanceof RemoteError) || error.kind !== 'unauthorized') throw error;
		if (!(await server.refreshSession())) throw error;
		return server.deleteMyData();
	}
}

/**
 * "Delete all my data": the server's copy first, then this device's. If the server's copy cannot
 * be deleted (offline, a server error, a session that cannot be refreshed), nothing here is
 * touched — the person still has everything and can try again; deleting here first would leave
 * the server's copy to come back on the next sign-in. Deleting on the server twice is harmless, so
 * a retry after a lost answer, or after this device's delete failed, is safe.
 */
export async function eraseAllData(steps: EraseSteps): Promise<EraseOutcome> {
	let serverRows: number | null = null;
	if (steps.server) {
		try {
			serverRows = await eraseOnServer(steps.server);
		} catch (error) {
			const kind = error instanceof RemoteError ? error.kind : 'server';
			return { ok: false, failed: 'server', kind, message: serverFailureMessage(kind, error), cause: error };
		}
	}
	try {
		await steps.eraseLocal();
	} catch (error) {
		const message = steps.server
			? "Your data was deleted from the server, but this device's copy could not be deleted. Close the app's other tabs and windows, then try again."
			: "This device's data could not be deleted. Close the app's other tabs and windows, then try again.";
		return { ok: false, failed: 'device', kind: null, message, cause: error };
	}
	return { ok: true, serverRows };
}
