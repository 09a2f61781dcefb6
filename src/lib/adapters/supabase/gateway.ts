import type { SupabaseClient } from '@supabase/supabase-js';
import {
	QuotaError,
	RemoteError,
	type OutboxEntry,
	type PullPage,
	type PushAnswer,
	type RemoteEraser,
	type RemoteGateway
} from '$lib/domain/sync/ports';
import type { Database, Json } from './database.types';

interface ErrorLike {
	code?: string;
	message?: string;
	details?: string | null;
	hint?: string | null;
}

// sync_push's refusals at a shared limit: SQLSTATE PT429, which PostgREST answers with HTTP 429 and
// the body {code, message, details, hint} (https://docs.postgrest.org/en/stable/references/errors.html,
// "Raise errors with HTTP Status Codes"); `details` says which limit, `hint` the table for rows
// (supabase/migrations/20261208120000_push_limits.sql).
const QUOTAS = { sync_quota_bytes_per_day: 'bytes-per-day', sync_quota_rows: 'rows' } as const;

// PostgREST's answers that mean the project is not set up for sync, not that a change is wrong
// (https://postgrest.org/en/stable/references/errors.html): 404 PGRST202 (the function is missing,
// or not yet in the schema cache), 404 PGRST205 (a table likewise), 404 for 42883/42P01 raised
// inside a function (something it calls is missing), 403 for 42501 (a grant is missing; an
// anonymous caller gets 401 instead, which is the session).
const NOT_SET_UP = new Set(['PGRST202', 'PGRST205', '42883', '42P01', '42501']);

/**
 * Sorts a failed call by what to do next: offline (no answer: retry when back), unauthorized
 * (refresh the session, then retry), server (5xx, overloaded: retry with backoff), unavailable (the
 * server is not set up for sync: retry with backoff until it is), quota (the account is at a shared
 * limit: wait long) or refused (the request itself is wrong: retrying the same will not help). The
 * original error is kept.
 */
export function classifyError(status: number, error: ErrorLike | null | undefined): RemoteError {
	const message = error?.message || `HTTP ${status}`;
	const details = error?.details ?? '';
	const quota =
		error?.code === 'PT429' && Object.hasOwn(QUOTAS, details) ? QUOTAS[details as keyof typeof QUOTAS] : null;
	if (quota) return new QuotaError(quota, quota === 'rows' ? (error?.hint ?? null) : null, message, error);
	// A push over the server's size limit (PT413): the engine halves it, so a change alone meeting
	// this is one the person sees in the couldn't-sync list, with these words.
	if (error?.code === 'PT413' && details === 'sync_push_too_large')
		return new RemoteError('refused', `This change is too large for the server to take. ${message}`, error);
	if (
		status === 0 ||
		(status < 400 && /fetch failed|NetworkError|Failed to fetch|Load failed|network/i.test(message))
	) {
		return new RemoteError('offline', message, error);
	}
	if (status === 401 || error?.code === 'PGRST301' || error?.code === 'PGRST303')
		return new RemoteError('unauthorized', message, error);
	if (status >= 500 || status === 408 || status === 429) return new RemoteError('server', message, error);
	if (status === 403 || status === 404 || NOT_SET_UP.has(error?.code ?? ''))
		return new RemoteError('unavailable', message, error);
	return new RemoteError('refused', message, error);
}

/** The server's side of sync through supabase-js: the RPCs and the session. */
export class SupabaseGateway implements RemoteGateway, RemoteEraser {
	constructor(private readonly client: SupabaseClient<Database>) {}

	async push(clientId: string, mutations: OutboxEntry[], seenErasure: string | null): Promise<PushAnswer> {
		const wire = mutations.map((m) => ({
			mid: m.mid,
			table: m.table,
			id: m.id,
			op: m.op,
			fields: m.fields,
			base_seq: m.baseSeq
		}));
		const { data, error, status } = await this.client.rpc('sync_push', {
			client_id: clientId,
			mutations: wire as unknown as Json,
			// Sent back exactly as sync_pull gave it; left out (the function's default, null) for none.
			seen_erasure: seenErasure ?? undefined
		});
		if (error) throw classifyError(status, error);
		return data as unknown as PushAnswer;
	}

	async pull(since: number, limit: number): Promise<PullPage> {
		const { data, error, status } = await this.client.rpc('sync_pull', { since, lim: limit });
		if (error) throw classifyError(status, error);
		return data as unknown as PullPage;
	}

	/** Erases the signed-in user's rows on the server (delete_my_data); returns how many went. */
	async deleteMyData(): Promise<number> {
		const { data, error, status } = await this.client.rpc('delete_my_data');
		if (error) throw classifyError(status, error);
		return data;
	}

	async refreshSession(): Promise<boolean> {
		try {
			const { data, error } = await this.client.auth.refreshSession();
			return !error && !!data.session;
		} catch {
			return false;
		}
	}
}
