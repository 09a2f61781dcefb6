import { describe, expect, it } from 'vitest';
import { classifyError } from '$lib/adapters/supabase/gateway';
import { QuotaError } from '$lib/domain/sync/ports';

// PostgREST's statuses and codes as supabase-js hands them over ({ status, error: { code, message } }):
// https://postgrest.org/en/stable/references/errors.html
const pg = (code: string, message = `error ${code}`) => ({ code, message, details: null, hint: null });

describe('classifyError', () => {
	it('no answer is offline', () => {
		expect(classifyError(0, { message: 'TypeError: Failed to fetch' }).kind).toBe('offline');
		expect(classifyError(0, null).kind).toBe('offline');
	});

	it('an expired or refused token is the session', () => {
		expect(classifyError(401, pg('PGRST303', 'JWT expired')).kind).toBe('unauthorized');
		expect(classifyError(401, pg('PGRST301')).kind).toBe('unauthorized');
		// 42501 as an anonymous caller (no user in the token): 401, sign in.
		expect(classifyError(401, pg('42501', 'Sign in to sync.')).kind).toBe('unauthorized');
	});

	it('a server that is not set up for sync is unavailable, never a refused change', () => {
		const missing = classifyError(
			404,
			pg('PGRST202', 'Could not find the function public.sync_push(client_id, mutations) in the schema cache')
		);
		expect(missing.kind).toBe('unavailable');
		expect(missing.message).toMatch(/Could not find the function/);
		expect(missing.cause).toMatchObject({ code: 'PGRST202' });
		expect(classifyError(404, pg('PGRST205', "Could not find the table 'public.people'")).kind).toBe('unavailable');
		expect(classifyError(404, pg('42P01', 'relation "app_private.people" does not exist')).kind).toBe('unavailable');
		expect(classifyError(404, pg('42883', 'function app_private.next_seq(uuid) does not exist')).kind).toBe(
			'unavailable'
		);
		expect(classifyError(403, pg('42501', 'permission denied for function sync_push')).kind).toBe('unavailable');
	});

	it('5xx, timeouts and rate limits are the server’s moment', () => {
		for (const status of [500, 502, 503, 504, 408, 429]) expect(classifyError(status, pg('XX000')).kind).toBe('server');
	});

	it('sync_push at a shared limit (PT429, HTTP 429) is a quota, told apart by details', () => {
		const day = classifyError(429, {
			code: 'PT429',
			message: 'This account has synced 24999990 of its 25000000 bytes today; this push would add 300.',
			details: 'sync_quota_bytes_per_day',
			hint: 'Try again after 2026-12-09T00:00:00Z.'
		});
		expect(day).toBeInstanceOf(QuotaError);
		expect(day).toMatchObject({ kind: 'quota', limit: 'bytes-per-day', table: null });
		const rows = classifyError(429, {
			code: 'PT429',
			message: 'This account holds the most people it may keep (20000).',
			details: 'sync_quota_rows',
			hint: 'people'
		});
		expect(rows).toMatchObject({ kind: 'quota', limit: 'rows', table: 'people' });
		// Another 429 (a gateway's rate limit) stays the server's moment, retried with backoff.
		expect(classifyError(429, { code: 'PT429', message: 'x', details: '__proto__', hint: null }).kind).toBe('server');
		// A push too large (PT413) is refused: the engine halves it until the change is alone.
		const large = classifyError(413, {
			code: 'PT413',
			message: 'This push is 2000001 bytes; a push may be at most 2000000 bytes.',
			details: 'sync_push_too_large'
		});
		expect(large).toMatchObject({
			kind: 'refused',
			message:
				'This change is too large for the server to take. This push is 2000001 bytes; a push may be at most 2000000 bytes.'
		});
	});

	it('a request the server will not take as it is is refused', () => {
		expect(classifyError(400, pg('22023', 'At most 100 mutations per push (got 101).')).kind).toBe('refused');
		expect(classifyError(413, { message: 'Payload too large' }).kind).toBe('refused');
		expect(classifyError(409, pg('23505')).kind).toBe('refused');
		expect(classifyError(422, pg('PGRST204')).kind).toBe('refused');
	});
});
