import type { SupabaseClient, SupportedStorage } from '@supabase/supabase-js';
import type { Database } from './database.types';
import { AUTH_STORAGE_KEY } from './session';

export type AppSupabaseClient = SupabaseClient<Database>;

/**
 * The app's supabase-js client. Loaded on demand, so local-only mode never downloads it, and
 * created only once the device is online (see session.ts: a refresh that fails offline is cached
 * for a minute). The session is kept in localStorage by supabase-js.
 *
 * autoRefreshToken is off: its timer (and the recovery on every return to the tab) would refresh
 * while offline too, and that cached failure would keep the first rounds back online from
 * syncing. Each round asks for the session first instead, and supabase-js refreshes a token within
 * 90 s of expiry there (GoTrueClient.js __loadSession), as it does before each request it sends.
 */
export async function createSupabaseClient(
	url: string,
	anonKey: string,
	/** Where the session is kept and how requests go (tests); localStorage and fetch by default. */
	{ storage, fetch }: { storage?: SupportedStorage; fetch?: typeof globalThis.fetch } = {}
): Promise<AppSupabaseClient> {
	const { createClient } = await import('@supabase/supabase-js');
	return createClient<Database>(url, anonKey, {
		auth: {
			persistSession: true,
			autoRefreshToken: false,
			detectSessionInUrl: false,
			storageKey: AUTH_STORAGE_KEY,
			...(storage && { storage })
		},
		...(fetch && { global: { fetch } })
	});
}

/** Forgets the stored session on this device, without asking the server (offline sign-out). */
export function removeStoredSession(): void {
	for (const key of Object.keys(localStorage)) if (key.startsWith(AUTH_STORAGE_KEY)) localStorage.removeItem(key);
}

/**
 * Signs out on this device even without a network: supabase-js keeps the session when it cannot
 * reach the server to revoke it, so the stored session is then removed here.
 */
export async function signOutHere(client: AppSupabaseClient | null): Promise<void> {
	let failed = !client;
	try {
		if (client) failed = !!(await client.auth.signOut({ scope: 'local' })).error;
	} catch {
		failed = true;
	}
	if (failed) removeStoredSession();
}
