import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createSupabaseClient } from '$lib/adapters/supabase/client';
import { checkSession, readStoredSession, withLiveSession } from '$lib/adapters/supabase/session';
import { RemoteError } from '$lib/domain/sync/ports';
import { memoryStorage, signIn } from '../support/supabase/clients';
import { pgliteDatabase } from '../support/supabase/database';
import { startStandIn, type StandIn } from '../support/supabase/stand-in';

// The app's own supabase-js client (createSupabaseClient: its storage key, autoRefreshToken off)
// against the stand-in, with a network that can go away. Access tokens here live one second, so
// "opened an hour later" is a short wait: a stored session whose access token has expired and
// whose refresh token is still good (refresh tokens do not expire by default:
// https://supabase.com/docs/guides/auth/sessions).
let database: Awaited<ReturnType<typeof pgliteDatabase>>;
let standIn: StandIn;

beforeAll(async () => {
	database = await pgliteDatabase();
	standIn = await startStandIn({ database, accessTokenTtl: 1 });
}, 60_000);
afterAll(async () => {
	await standIn?.close();
	await database?.close();
});

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** A network that can be switched off, counting the refreshes that reached the server. */
function network() {
	const net = {
		offline: false,
		refreshes: 0,
		fetch: (async (input, init) => {
			if (net.offline) throw new TypeError('fetch failed');
			if (String(input).includes('/token?grant_type=refresh_token')) net.refreshes++;
			return fetch(input, init);
		}) as typeof fetch
	};
	return net;
}

async function device(email: string) {
	const storage = memoryStorage();
	const net = network();
	const client = await createSupabaseClient(standIn.url, standIn.anonKey, { storage, fetch: net.fetch });
	const userId = await signIn(client as never, standIn, email);
	return { storage, net, client, userId };
}

describe('the session, with the real supabase-js', () => {
	it('who is signed in is read from what supabase-js stored, with no network and an expired token', async () => {
		const { storage, net, userId } = await device('reader@example.org');
		net.offline = true;
		await sleep(1_500);
		const stored = readStoredSession(storage);
		expect(stored).toMatchObject({ userId, email: 'reader@example.org' });
		expect(stored!.expiresAt * 1000).toBeLessThan(Date.now());
	});

	it('offline with an expired token: supabase-js gives no session but keeps it; that is offline, and a refresh failed offline is cached for a minute', async () => {
		const { storage, net, client, userId } = await device('offline@example.org');
		await sleep(1_500);
		net.offline = true;
		// supabase-js: no session and a retryable error (after retrying for up to ~30 s).
		const { data, error } = await client.auth.getSession();
		expect(data.session).toBeNull();
		expect(error?.name).toBe('AuthRetryableFetchError');
		expect(readStoredSession(storage)?.userId).toBe(userId);
		expect(await checkSession(client.auth)).toMatchObject({ state: 'offline' });
		let called = false;
		const refused = await withLiveSession(client.auth, userId, async () => (called = true)).catch((e: unknown) => e);
		expect(refused).toBeInstanceOf(RemoteError);
		expect((refused as RemoteError).kind).toBe('offline');
		expect(called).toBe(false);

		// Back online, the same client keeps answering with the cached failure (REFRESH_FAILURE_COOLDOWN_MS)
		// without asking the server: why the app makes no supabase-js call while offline.
		net.offline = false;
		expect(await checkSession(client.auth)).toMatchObject({ state: 'offline' });
		expect(net.refreshes).toBe(0);
		// A client that has never tried offline (the app's, created on its first round online)
		// refreshes at once and the session goes on.
		const fresh = await createSupabaseClient(standIn.url, standIn.anonKey, { storage, fetch: net.fetch });
		expect(await checkSession(fresh.auth)).toMatchObject({ state: 'signed-in', userId });
		expect(net.refreshes).toBe(1);
		expect(await withLiveSession(fresh.auth, userId, async () => 'synced')).toBe('synced');
	}, 60_000);

	it('a refresh the auth server refuses ends the session, and supabase-js forgets it', async () => {
		const phone = await device('ended@example.org');
		// Another copy of the same session (say, restored from an old backup of the browser's storage)
		// outlives its sign-out on the server, which revokes the refresh token.
		const copy = memoryStorage();
		const key = 'networking-companion-auth';
		copy.setItem(key, phone.storage.getItem(key)!);
		await phone.client.auth.signOut();
		await sleep(1_500);
		const other = await createSupabaseClient(standIn.url, standIn.anonKey, { storage: copy });
		const check = await checkSession(other.auth);
		expect(check.state).toBe('ended');
		// Codes of supabase/auth internal/api/apierrors/errorcode.go.
		expect(['refresh_token_not_found', 'refresh_token_already_used']).toContain(
			(check as { cause: { code?: string } }).cause.code
		);
		expect(readStoredSession(copy)).toBeNull();
		const refused = await withLiveSession(other.auth, phone.userId, async () => 'never').catch((e: unknown) => e);
		expect((refused as RemoteError).kind).toBe('unauthorized');
	});
});
