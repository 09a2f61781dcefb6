import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

export type AppSupabaseClient = SupabaseClient<Database>;

/** Where supabase-js keeps the session (localStorage), under a name of ours. */
const AUTH_STORAGE_KEY = 'networking-companion-auth';

/**
 * The app's supabase-js client. Loaded on demand, so local-only mode never downloads it. The
 * session is kept in localStorage by supabase-js and refreshed by it while the app is open.
 */
export async function createSupabaseClient(url: string, anonKey: string): Promise<AppSupabaseClient> {
	const { createClient } = await import('@supabase/supabase-js');
	return createClient<Database>(url, anonKey, {
		auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false, storageKey: AUTH_STORAGE_KEY }
	});
}

/**
 * Signs out on this device even without a network: supabase-js keeps the session when it cannot
 * reach the server to revoke it, so the stored session is then removed here.
 */
export async function signOutHere(client: AppSupabaseClient): Promise<void> {
	let failed = false;
	try {
		failed = !!(await client.auth.signOut({ scope: 'local' })).error;
	} catch {
		failed = true;
	}
	if (!failed) return;
	for (const key of Object.keys(localStorage)) if (key.startsWith(AUTH_STORAGE_KEY)) localStorage.removeItem(key);
}
