import type { ServerTable } from './mapping';

/** One local change waiting to be pushed, as sync_push takes it. */
export interface OutboxEntry {
	/** Per device, increasing by one: the server applies each once, in order. */
	mid: number;
	table: ServerTable;
	id: string;
	/** create: a row this device made (brings it back if deleted elsewhere); upsert: an edit. */
	op: 'create' | 'upsert' | 'delete';
	/** Server column names; for an edit, only what the change touched. */
	fields: Record<string, unknown>;
	/** The row's server_seq this change was based on; null for a row the device never pulled. */
	baseSeq: number | null;
}

export type PushStatus = 'applied' | 'conflict' | 'rejected' | 'duplicate' | 'gap' | 'reused';

/** What sync_push says about one mutation. */
export interface PushResult {
	mid: number | null;
	status: PushStatus;
	table?: string;
	id?: string;
	server_seq?: number;
	reason?: string;
	code?: string;
	expected?: number;
	original?: PushResult | null;
	conflicts?: { field: string; rule: string; kept?: unknown; replaced?: unknown; yours?: unknown }[];
}

export interface PulledRow {
	table: string;
	row: Record<string, unknown>;
}

/**
 * What sync_push answers: a result per mutation it handled, or, when the user's data was erased
 * since the erasure the device said it saw, `erased` with when (nothing was applied).
 */
export interface PushAnswer {
	results: PushResult[];
	last_mid?: number;
	erased?: boolean;
	erased_at?: string | null;
}

export interface PullPage {
	rows: PulledRow[];
	next: number;
	has_more: boolean;
	/** When the user last deleted all their data, on any device (null: never). */
	erased_at?: string | null;
}

/** What a device made of a pulled page: applied, or its copy cleared (an erasure) to pull from the start. */
export type PageOutcome = 'applied' | 'restart';

/** The device's side: the outbox, the cursor, and where pulled rows go. */
export interface SyncStore {
	/** This device's id for the push ledger (per user and device). */
	clientId(): Promise<string>;
	/** The oldest `limit` entries waiting to be pushed. */
	outbox(limit: number): Promise<OutboxEntry[]>;
	/** Records what the server said about pushed entries, in one transaction. */
	acknowledge(outcomes: { entry: OutboxEntry; result: PushResult }[]): Promise<void>;
	/** After a gap: gives the waiting entries fresh mids from `next` on (none of them reached the server). */
	renumber(next: number): Promise<void>;
	cursor(): Promise<number>;
	/** Writes a pulled page and the new cursor in one transaction, local pending edits on top. */
	applyPage(page: PullPage): Promise<PageOutcome>;
	/** The `erased_at` of the last page pulled (null: no erasure); undefined if the device never pulled. */
	seenErasure(): Promise<string | null | undefined>;
	/**
	 * The user's data was erased (at `erasedAt`) since this device last heard: clears its copy,
	 * waiting changes included, so that it pulls from the start.
	 */
	clearForErasure(erasedAt: string | null): Promise<void>;
}

/**
 * offline: no answer; unauthorized: the session; server: a 5xx or overload; unavailable: the
 * server is not set up for sync (a function or grant missing); refused: the request itself; quota:
 * the account is at one of the server's shared limits (a QuotaError).
 */
export type RemoteFailure = 'offline' | 'unauthorized' | 'server' | 'unavailable' | 'refused' | 'quota';

/** A push or pull that did not get an answer the engine can use, sorted by what to do next. */
export class RemoteError extends Error {
	constructor(
		readonly kind: RemoteFailure,
		message: string,
		readonly cause?: unknown
	) {
		super(message);
		this.name = 'RemoteError';
	}
}

/**
 * Which of the server's per-account limits a push met (supabase/migrations/20261208120000_push_limits.sql):
 * the bytes one account may push in a UTC day, or the rows it may hold in one table.
 */
export type SyncLimit = 'bytes-per-day' | 'rows';

/**
 * The server refused a whole push because the account is at a shared limit: nothing of it was
 * applied, and sending it again soon would only be refused again. `table` names the table for `rows`.
 */
export class QuotaError extends RemoteError {
	constructor(
		readonly limit: SyncLimit,
		readonly table: string | null,
		message: string,
		cause?: unknown
	) {
		super('quota', message, cause);
		this.name = 'QuotaError';
	}
}

/** The server's side: sync_push, sync_pull, and getting a fresh token after a 401. */
export interface RemoteGateway {
	/** `seenErasure`: the erasure the device last heard of (SyncStore.seenErasure), null for none. */
	push(clientId: string, mutations: OutboxEntry[], seenErasure: string | null): Promise<PushAnswer>;
	pull(since: number, limit: number): Promise<PullPage>;
	/** True when a new access token was obtained. */
	refreshSession(): Promise<boolean>;
}

/** The server's side of "Delete all my data". */
export interface RemoteEraser {
	/** Deletes every row the signed-in user has on the server; returns how many. */
	deleteMyData(): Promise<number>;
	/** True when a new access token was obtained. */
	refreshSession(): Promise<boolean>;
}
