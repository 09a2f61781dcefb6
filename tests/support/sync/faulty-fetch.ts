// TEST TOOL: a fetch that loses, repeats, delays and refuses requests the way conference Wi-Fi and
// overloaded servers do, for the sync fault schedules.
import type { Random } from './random';

export type FaultKind =
	'drop-request' | 'drop-response' | 'duplicate' | 'server-error' | 'unauthorized' | 'delay' | 'not-set-up' | 'offline';
export const FAULT_KINDS: readonly FaultKind[] = [
	'drop-request',
	'drop-response',
	'duplicate',
	'server-error',
	'unauthorized',
	'delay',
	'not-set-up',
	'offline'
];
// Drawn at random per request; the other two come in phases (see FaultSwitch and Device.offline).
const RANDOM_FAULTS = FAULT_KINDS.filter((k) => k !== 'not-set-up' && k !== 'offline');

export interface FaultSwitch {
	/** Probability that a sync request meets a fault (0 turns faults off). */
	rate: number;
	/** Faults injected so far, by kind. */
	counts: Map<FaultKind, number>;
	/** Faults for the next sync requests, in order, whatever the rate (a test's own scenario). */
	planned?: FaultKind[];
	/**
	 * A deployment problem for a while: every call of a sync function is answered as PostgREST
	 * answers when the function is missing (or the schema cache is stale: 404 PGRST202) or its
	 * grant is (403, SQLSTATE 42501) — shared/SUPABASE.md, PostgREST docs "Errors". Null: none.
	 */
	notSetUp?: 'missing-function' | 'missing-grant' | null;
}

/** What PostgREST answers for a sync function that is not deployed, or not granted. */
function notSetUp(url: string, problem: 'missing-function' | 'missing-grant'): Response {
	const fn = /\/rpc\/([a-z_]+)/.exec(url)?.[1] ?? 'sync_push';
	return problem === 'missing-function'
		? json(404, {
				code: 'PGRST202',
				message: `Could not find the function public.${fn} in the schema cache`,
				details: null,
				hint: null
			})
		: json(403, { code: '42501', message: `permission denied for function ${fn}`, details: null, hint: null });
}

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Wraps fetch for one device: sync RPCs may meet a fault; while `offline()` says so, every request
 * (auth included) fails as a phone without a network does; while `calm()` says so, none meets one.
 */
export function faultyFetch(
	random: Random,
	faults: FaultSwitch,
	offline: () => boolean = () => false,
	calm: () => boolean = () => false
): typeof fetch {
	const count = (kind: FaultKind) => faults.counts.set(kind, (faults.counts.get(kind) ?? 0) + 1);
	return async (input, init) => {
		const url = String(input instanceof Request ? input.url : input);
		if (offline()) {
			count('offline');
			throw new TypeError('fetch failed (offline)');
		}
		if (calm()) return fetch(input, init);
		const isSync = url.includes('/rest/v1/rpc/sync_') || url.includes('/rest/v1/rpc/delete_my_data');
		if (isSync && faults.notSetUp) {
			count('not-set-up');
			return notSetUp(url, faults.notSetUp);
		}
		const planned = isSync ? faults.planned?.shift() : undefined;
		if (!planned && (!isSync || !random.chance(faults.rate))) return fetch(input, init);
		const kind = planned ?? random.pick(RANDOM_FAULTS);
		count(kind);
		switch (kind) {
			case 'drop-request':
				throw new TypeError('fetch failed (request dropped)');
			case 'drop-response': {
				// The server does the work and commits; the answer never arrives.
				await (await fetch(input, init)).arrayBuffer();
				throw new TypeError('fetch failed (response dropped)');
			}
			case 'duplicate': {
				await (await fetch(input, init)).arrayBuffer();
				return fetch(input, init);
			}
			case 'server-error':
				return json(500, { code: 'XX000', message: 'Internal server error (injected)', details: null, hint: null });
			case 'unauthorized':
				return json(401, { code: 'PGRST301', message: 'JWT expired (injected)', details: null, hint: null });
			case 'not-set-up':
				return notSetUp(url, 'missing-function');
			case 'offline':
				throw new TypeError('fetch failed (offline)');
			case 'delay':
				// Lets another device's requests overtake this one (reordering).
				await sleep(random.int(15));
				return fetch(input, init);
		}
	};
}
