// TEST TOOL: supabase-js clients against the stand-in, signed in by email one-time code.
import { createClient, type SupabaseClient } from '@supabase/supabase-js';
import { AUTH_STORAGE_KEY } from '$lib/adapters/supabase/session';
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
export function clientFor(
	standIn: StandIn,
	fetchImpl: typeof fetch = fetch,
	storage: ReturnType<typeof memoryStorage> = memoryStorage()
): SupabaseClient {
	return createClient(standIn.url, standIn.anonKey, {
		// Under the app's own storage key, as the app keeps it (src/lib/adapters/supabase/client.ts).
		auth: {
			storage,
			storageKey: AUTH_STORAGE_KEY,
			persistSession: true,
			autoRefreshToken: false,
			detectSessionInUrl: false
		},
		global: { fetch: fetchImpl }
	});
}

/** The seconds GoTrue asks to wait before another email ("…only request this after N seconds."). */
export function secondsToWait(message: string): number | null {
	const m = /after (\d+) seconds/.exec(message);
	return m ? Number(m[1]) : null;
}

/**
 * Asks for a sign-in code as the app does. GoTrue allows one email of a kind per address per
 * max_frequency (429 over_email_send_rate_limit); a person then waits and asks again, so this lets
 * the stand-in's clock run on by the time GoTrue names and asks once more.
 */
export async function requestCode(client: SupabaseClient, standIn: StandIn, email: string): Promise<string> {
	let { error } = await client.auth.signInWithOtp({ email });
	const wait = error?.code === 'over_email_send_rate_limit' ? secondsToWait(error.message) : null;
	if (wait !== null) {
		standIn.advanceClock(wait + 1);
		({ error } = await client.auth.signInWithOtp({ email }));
	}
	if (error) throw error;
	const code = standIn.mailbox(email).at(-1);
	if (!code) throw new Error(`No code was sent to ${email}`);
	return code;
}

/** Signs a client in the way the app does: request a code, read it from the mailbox, type it. */
export async function signIn(client: SupabaseClient, standIn: StandIn, email: string): Promise<string> {
	const code = await requestCode(client, standIn, email);
	const { data, error } = await client.auth.verifyOtp({ email, token: code, type: 'email' });
	if (error || !data.user) throw error ?? new Error('Sign-in returned no user');
	return data.user.id;
}
