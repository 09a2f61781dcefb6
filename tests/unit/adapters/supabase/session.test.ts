import { describe, expect, it, vi } from 'vitest';
import {
	AUTH_STORAGE_KEY,
	checkSession,
	readStoredSession,
	withLiveSession,
	type SessionSource
} from '$lib/adapters/supabase/session';
import { RemoteError } from '$lib/domain/sync/ports';

const USER = '5f0c8f52-3d7e-4a53-9a63-1f1d5a2b9e10';

const storing = (value: unknown) => ({
	getItem: (key: string) =>
		key === AUTH_STORAGE_KEY ? (typeof value === 'string' ? value : JSON.stringify(value)) : null
});

// What supabase-js stores (GoTrueClient _saveSession: the session, its user inside).
const stored = {
	access_token: 'eyJ…',
	token_type: 'bearer',
	expires_in: 3600,
	expires_at: 1_700_000_000,
	refresh_token: 'r3fr3sh',
	user: { id: USER, email: 'ada@example.org', aud: 'authenticated' }
};

// supabase-js's answers, shaped as it builds them (auth-js lib/errors.ts).
const retryable = Object.assign(new Error('Failed to fetch'), { name: 'AuthRetryableFetchError', status: 0 });
const refused = Object.assign(new Error('Invalid Refresh Token: Refresh Token Not Found'), {
	name: 'AuthApiError',
	status: 400,
	code: 'refresh_token_not_found'
});
const answers = (...results: Awaited<ReturnType<SessionSource['getSession']>>[]): SessionSource => {
	const getSession = vi.fn<SessionSource['getSession']>();
	for (const result of results) getSession.mockResolvedValueOnce(result);
	return { getSession };
};
const live = { data: { session: { user: { id: USER, email: 'ada@example.org' } } }, error: null };
const offline = { data: { session: null }, error: retryable };
const ended = { data: { session: null }, error: refused };

describe('the stored session', () => {
	it('says who is signed in, even with an expired access token', () => {
		expect(readStoredSession(storing(stored))).toEqual({
			userId: USER,
			email: 'ada@example.org',
			expiresAt: 1_700_000_000
		});
		expect(readStoredSession(storing({ ...stored, user: { id: USER } }))?.email).toBe('');
	});

	it('is nobody when nothing, or not a session, is stored', () => {
		expect(readStoredSession({ getItem: () => null })).toBeNull();
		expect(readStoredSession(storing('{not json'))).toBeNull();
		expect(readStoredSession(storing({ ...stored, refresh_token: undefined }))).toBeNull();
		expect(readStoredSession(storing({ ...stored, user: { email: 'x@y.z' } }))).toBeNull();
		expect(readStoredSession(storing({ ...stored, expires_at: 'soon' }))).toBeNull();
	});
});

describe('checking the session with supabase-js', () => {
	it('signed in, offline (a refresh that may work later) or ended (refused, or gone)', async () => {
		expect(await checkSession(answers(live))).toEqual({ state: 'signed-in', userId: USER, email: 'ada@example.org' });
		expect(await checkSession(answers(offline))).toEqual({ state: 'offline', cause: retryable });
		expect(await checkSession(answers(ended))).toEqual({ state: 'ended', cause: refused });
		expect(await checkSession(answers({ data: { session: null }, error: null }))).toEqual({
			state: 'ended',
			cause: null
		});
		const thrown: SessionSource = { getSession: () => Promise.reject(new TypeError('boom')) };
		expect((await checkSession(thrown)).state).toBe('offline');
	});
});

describe('a call with a live session', () => {
	it('runs only with this user’s session', async () => {
		const call = vi.fn(async () => 'done');
		await expect(withLiveSession(answers(live), USER, call)).resolves.toBe('done');
		for (const [source, kind, userId] of [
			[answers(offline), 'offline', USER],
			[answers(ended), 'unauthorized', USER],
			[answers(live), 'unauthorized', 'someone-else']
		] as const) {
			call.mockClear();
			const error = await withLiveSession(source, userId, call).catch((e: unknown) => e);
			expect(error).toBeInstanceOf(RemoteError);
			expect((error as RemoteError).kind).toBe(kind);
			expect(call).not.toHaveBeenCalled();
		}
	});

	it('a 401 that could not be cured for want of a network is offline, not the end of the session', async () => {
		const expired = new RemoteError('unauthorized', 'JWT expired');
		const lost = await withLiveSession(answers(live, offline), USER, () => Promise.reject(expired)).catch((e) => e);
		expect(lost).toMatchObject({ kind: 'offline', cause: expired });
		// Refused for good: the 401 stands.
		const gone = await withLiveSession(answers(live, ended), USER, () => Promise.reject(expired)).catch((e) => e);
		expect(gone).toBe(expired);
		// Anything else is passed on untouched, without asking again.
		const source = answers(live);
		const server = new RemoteError('server', 'HTTP 503');
		expect(await withLiveSession(source, USER, () => Promise.reject(server)).catch((e) => e)).toBe(server);
		expect(source.getSession).toHaveBeenCalledTimes(1);
	});
});
