/**
 * Supabase settings from PUBLIC_SUPABASE_URL and PUBLIC_SUPABASE_ANON_KEY, fixed at build time;
 * null means local-only mode. (Build-time values, not `$env/dynamic/public`: that one is fetched
 * from the server at start-up, which an offline PWA cannot do.)
 */
export function supabaseConfig(): { url: string; anonKey: string } | null {
	const url = import.meta.env.PUBLIC_SUPABASE_URL?.trim();
	const anonKey = import.meta.env.PUBLIC_SUPABASE_ANON_KEY?.trim();
	return url && anonKey ? { url, anonKey } : null;
}
