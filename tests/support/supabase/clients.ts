// TEST TOOL: supabase-js clients against the stand-in, signed in by email one-time code.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import type { StandIn } from './stand-in';

/** An in-memory stand-in for the browser's localStorage, one per client. */
export function memoryStorage() {
	const items = new Map<string, string>();
	return {
		getItem: (key: string) => items.get(key) ?? null,
		setItem: (key: string, value: string) => void items.set(key, value),
		removeItem: (key: string) => void items.delete(key)
	};
}

/** A real supabase-js client pointed at the stand-in, with its own session storage. */
export function clientFor(standIn: StandIn, fetchImpl: typeof fetch = fetch): SupabaseClient {
	return createClient(standIn.url, standIn.anonKey, {
		auth: { storage: memoryStorage(), persistSession: true, autoRefreshToken: false, detectSessionInUrl: false },
		global: { fetch: fetchImpl }
	});
}

/** Signs a client in the way the app does: request a code, read it from the mailbox, type it. */
export async function signIn(client: SupabaseClient, standIn: StandIn, email: string): Promise<string> {
	const { error: sendError } = await client.auth.signInWithOtp({ email });
	if (sendError) throw sendError;
	const code = standIn.mailbox(email).at(-1);
	if (!code) throw new Error(`No code was sent to ${email}`);
	const { data, error } = await client.auth.verifyOtp({ email, token: code, type: 'email' });
	if (error || !data.user) throw error ?? new Error('Sign-in returned no user');
	return data.user.id;
}
