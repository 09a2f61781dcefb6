import { describe, expect, it } from 'vitest';
import { SyncEngine } from '$lib/domain/sync/engine';
import {
	RemoteError,
	type OutboxEntry,
	type PullPage,
	type PushResult,
	type RemoteGateway,
	type SyncStore
} from '$lib/domain/sync/ports';

// A server that is not set up for sync (a function or grant missing): the engine halves batches
// only for a request refused as it is; this is not one, so nothing is split, refused or acknowledged.
const entries: OutboxEntry[] = [1, 2, 3, 4].map((mid) => ({
	mid,
	table: 'people',
	id: `p${mid}`,
	op: 'create',
	fields: { name: `P${mid}` },
	baseSeq: null
}));

function store(): SyncStore & { acknowledged: { entry: OutboxEntry; result: PushResult }[] } {
	const acknowledged: { entry: OutboxEntry; result: PushResult }[] = [];
	return {
		acknowledged,
		clientId: async () => 'device-1',
		outbox: async (limit) => entries.slice(0, limit),
		acknowledge: async (outcomes) => void acknowledged.push(...outcomes),
		renumber: async () => undefined,
		cursor: async () => 0,
		applyPage: async () => 'applied',
		// A device that has pulled before and heard of no erasure: it pushes first.
		seenErasure: async () => null,
		clearForErasure: async () => undefined
	};
}

const missing = new RemoteError('unavailable', 'Could not find the function public.sync_push');

describe('SyncEngine with a server not set up for sync', () => {
	it('a push the server cannot take is passed up whole: no halving, no refused change', async () => {
		const calls: number[] = [];
		const remote: RemoteGateway = {
			push: async (_client, batch) => {
				calls.push(batch.length);
				throw missing;
			},
			pull: async (): Promise<PullPage> => ({ rows: [], next: 0, has_more: false }),
			refreshSession: async () => true
		};
		const local = store();
		await expect(new SyncEngine(local, remote, { batchSize: 4 }).sync()).rejects.toBe(missing);
		expect(calls).toEqual([4]);
		expect(local.acknowledged).toEqual([]);
	});

	it('a pull the server cannot answer is passed up too', async () => {
		const local = store();
		const remote: RemoteGateway = {
			push: async (_client, batch) => ({
				results: batch.map((m) => ({ mid: m.mid, status: 'applied' as const })),
				last_mid: batch.at(-1)!.mid
			}),
			pull: async () => {
				throw missing;
			},
			refreshSession: async () => true
		};
		const outbox = local.outbox;
		let sent = false;
		local.outbox = async (limit) => (sent ? [] : ((sent = true), outbox(limit)));
		await expect(new SyncEngine(local, remote).sync()).rejects.toBe(missing);
	});
});
