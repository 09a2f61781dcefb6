import * as v from 'valibot';
import { RemoteError } from '$lib/domain/sync/ports';

// Who is signed in, and whether the session still works, with supabase-js 2.x as it behaves
// (node_modules/@supabase/auth-js/dist/main/GoTrueClient.js):
// - getSession() refreshes an access token within 90 s of expiry (EXPIRY_MARGIN_MS). Offline the
//   refresh fails with AuthRetryableFetchError, getSession() answers `session: null`, and the
//   session stays in storage (__loadSession, _callRefreshToken).
// - That failure is cached for 60 s (REFRESH_FAILURE_COOLDOWN_MS): calls in that minute get it
//   again without trying, even once the network is back. So the app calls supabase-js only online.
// - Only a refresh the auth server refused (refresh_token_not_found, refresh_token_already_used:
//   supabase/auth internal/api/apierrors/errorcode.go) with an expired access token removes the
//   stored session.

import { AUTH_STORAGE_KEY } from './auth-storage';

export { AUTH_STORAGE_KEY };

/** Who the stored session belongs to, read without the network. */
export interface StoredSession {
	userId: string;
	email: string;
	/** When the access token expires (epoch seconds); it may well be past. */
	expiresAt: number;
}

// The fields supabase-js itself requires of a stored session (_isValidSession), and its user.
const StoredSessionSchema = v.object({
	access_token: v.string(),
	refresh_token: v.pipe(v.string(), v.minLength(1)),
	expires_at: v.number(),
	user: v.object({ id: v.pipe(v.string(), v.minLength(1)), email: v.optional(v.nullable(v.string())) })
});

/**
 * The session supabase-js stored, read straight from storage: who is signed in on this device,
 * whether or not the access token has expired and whether or not there is a network. Null when
 * nobody is signed in (or what is stored is not a session).
 */
export function readStoredSession(storage: Pick<Storage, 'getItem'>): StoredSession | null {
	let stored: unknown;
	try {
		stored = JSON.parse(storage.getItem(AUTH_STORAGE_KEY) ?? 'null');
	} catch {
		return null;
	}
	const parsed = v.safeParse(StoredSessionSchema, stored);
	if (!parsed.success) return null;
	const { user, expires_at } = parsed.output;
	return { userId: user.id, email: user.email ?? '', expiresAt: expires_at };
}

/** What getSession() can say, as supabase-js answers it. */
export interface SessionSource {
	getSession(): Promise<{
		data: { session: { user: { id: string; email?: string } } | null };
		error: { name?: string; message?: string } | null;
	}>;
}

export type SessionCheck =
	| { state: 'signed-in'; userId: string; email: string }
	/** The auth server could not be reached (or had a 5xx): the session is still stored. */
	| { state: 'offline'; cause: unknown }
	/** The auth server refused the refresh, or nothing is stored any more: sign in again. */
	| { state: 'ended'; cause: unknown };

// supabase-js marks a refresh that may work later (no network, a 5xx) with this name
// (auth-js lib/errors.ts isAuthRetryableFetchError); matched by name so that this module does not
// pull supabase-js into the app's first download.
const isRetryable = (error: unknown) => (error as { name?: string } | null)?.name === 'AuthRetryableFetchError';

/** Asks supabase-js for the session (refreshing it if needed) and says what that means. */
export async function checkSession(auth: SessionSource): Promise<SessionCheck> {
	try {
		const { data, error } = await auth.getSession();
		if (data.session) return { state: 'signed-in', userId: data.session.user.id, email: data.session.user.email ?? '' };
		if (error && isRetryable(error)) return { state: 'offline', cause: error };
		return { state: 'ended', cause: error };
	} catch (error) {
		// Not an answer from the auth server (supabase-js rethrows what is not an auth error):
		// nothing says the session is over, so try again later.
		return { state: 'offline', cause: error };
	}
}

const UNREACHABLE = 'The sign-in server could not be reached.';

/**
 * Runs `call` (a sync round, "Delete all my data") with `userId`'s session alive: a session that
 * cannot be refreshed for want of a network is `offline` (try again later), one the server ended
 * is `unauthorized`, another user's is `unauthorized`. A 401 inside `call` that the engine could
 * not cure with a refresh is `offline` when the refresh failed for want of a network.
 */
export async function withLiveSession<T>(
	auth: SessionSource,
	userId: string | null,
	call: () => Promise<T>
): Promise<T> {
	const check = await checkSession(auth);
	if (check.state === 'offline') throw new RemoteError('offline', UNREACHABLE, check.cause);
	if (check.state === 'ended') throw new RemoteError('unauthorized', 'Your session has ended.', check.cause);
	if (check.userId !== userId) throw new RemoteError('unauthorized', 'Signed in as someone else.');
	try {
		return await call();
	} catch (error) {
		if (error instanceof RemoteError && error.kind === 'unauthorized' && (await checkSession(auth)).state === 'offline')
			throw new RemoteError('offline', UNREACHABLE, error);
		throw error;
	}
}
