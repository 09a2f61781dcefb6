import type { SupabaseClient } from '@supabase/supabase-js';
import type { Database } from './database.types';

export type AppSupabaseClient = SupabaseClient<Database>;

/**
 * The app's supabase-js client. Loaded on demand, so local-only mode never downloads it. The
 * session is kept in localStorage by supabase-js and refreshed by it while the app is open.
 */
export async function createSupabaseClient(url: string, anonKey: string): Promise<AppSupabaseClient> {
	const { createClient } = await import('@supabase/supabase-js');
	return createClient<Database>(url, anonKey, {
		auth: { persistSession: true, autoRefreshToken: true, detectSessionInUrl: false }
	});
}
