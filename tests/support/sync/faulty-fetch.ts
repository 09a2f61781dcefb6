// TEST TOOL: a fetch that loses, repeats, delays and refuses requests the way conference Wi-Fi and
// overloaded servers do, for the sync fault schedules.
import type { Random } from './random';

export type FaultKind = 'drop-request' | 'drop-response' | 'duplicate' | 'server-error' | 'unauthorized' | 'delay';
export const FAULT_KINDS: readonly FaultKind[] = [
	'drop-request',
	'drop-response',
	'duplicate',
	'server-error',
	'unauthorized',
	'delay'
];

export interface FaultSwitch {
	/** Probability that a sync request meets a fault (0 turns faults off). */
	rate: number;
	/** Faults injected so far, by kind. */
	counts: Map<FaultKind, number>;
	/** Faults for the next sync requests, in order, whatever the rate (a test's own scenario). */
	planned?: FaultKind[];
}

const json = (status: number, body: unknown) =>
	new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Wraps fetch for one device: sync RPCs and token refreshes may meet a fault. */
export function faultyFetch(random: Random, faults: FaultSwitch): typeof fetch {
	return async (input, init) => {
		const url = String(input instanceof Request ? input.url : input);
		const isSync = url.includes('/rest/v1/rpc/sync_');
		const planned = isSync ? faults.planned?.shift() : undefined;
		if (!planned && (!isSync || !random.chance(faults.rate))) return fetch(input, init);
		const kind = planned ?? random.pick(FAULT_KINDS);
		faults.counts.set(kind, (faults.counts.get(kind) ?? 0) + 1);
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
			case 'delay':
				// Lets another device's requests overtake this one (reordering).
				await sleep(random.int(15));
				return fetch(input, init);
		}
	};
}
