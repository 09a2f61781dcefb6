import { describe, expect, it, vi } from 'vitest';
import { backoffDelay } from '$lib/domain/sync/backoff';
import { SyncEngine } from '$lib/domain/sync/engine';
import {
	QuotaError,
	RemoteError,
	type OutboxEntry,
	type PageOutcome,
	type PullPage,
	type PushResult,
	type RemoteGateway,
	type SyncStore
} from '$lib/domain/sync/ports';

/** A device whose outbox, cursor and pulled rows live in memory. */
class MemoryStore implements SyncStore {
	entries: OutboxEntry[] = [];
	acknowledged: { entry: OutboxEntry; result: PushResult }[] = [];
	pages: PullPage[] = [];
	at = 0;
	/** The erasure the last page said (undefined: never pulled; these tests' devices have, by default). */
	erasure: string | null | undefined = null;
	cleared: (string | null)[] = [];
	async clientId() {
		return 'device-1';
	}
	async outbox(limit: number) {
		return this.entries.slice(0, limit);
	}
	async acknowledge(outcomes: { entry: OutboxEntry; result: PushResult }[]) {
		this.acknowledged.push(...outcomes);
		const done = new Set(outcomes.map((o) => o.entry.mid));
		this.entries = this.entries.filter((e) => !done.has(e.mid));
	}
	async renumber(next: number) {
		this.entries = this.entries.map((e, i) => ({ ...e, mid: next + i }));
	}
	async cursor() {
		return this.at;
	}
	async applyPage(page: PullPage) {
		this.pages.push(page);
		this.at = page.next;
		this.erasure = page.erased_at ?? null;
		return 'applied' as PageOutcome;
	}
	async seenErasure() {
		return this.erasure;
	}
	async clearForErasure(erasedAt: string | null) {
		this.cleared.push(erasedAt);
		this.entries = [];
		this.at = 0;
		this.erasure = erasedAt;
	}
}

const entry = (mid: number): OutboxEntry => ({
	mid,
	table: 'people',
	id: `p${mid}`,
	op: 'upsert',
	fields: { name: `P${mid}` },
	baseSeq: null
});

/** A server that applies each mid once and can be told to misbehave. */
class ScriptedRemote implements RemoteGateway {
	lastMid = 0;
	calls: string[] = [];
	faults: (() => never | void)[] = [];
	refreshes = 0;
	rows = 0;
	/** When the user's data was last erased, and the erasure each push said it had seen. */
	erasedAt: string | null = null;
	seen: (string | null)[] = [];
	/** What each mid applied was (to tell a replay from a reused mid). */
	applied = new Map<number, string>();
	async push(_client: string, mutations: OutboxEntry[], seenErasure: string | null) {
		this.calls.push(`push ${mutations.map((m) => m.mid).join(',')}`);
		this.seen.push(seenErasure);
		if (seenErasure !== this.erasedAt) return { results: [], erased: true, erased_at: this.erasedAt };
		const results: PushResult[] = [];
		for (const m of mutations) {
			const content = JSON.stringify(m);
			if (m.mid <= this.lastMid && (this.applied.get(m.mid) ?? content) !== content) {
				results.push({ mid: m.mid, status: 'reused', expected: this.lastMid + 1, reason: 'used before' });
				break;
			} else if (m.mid <= this.lastMid)
				results.push({ mid: m.mid, status: 'duplicate', original: { mid: m.mid, status: 'applied' } });
			else if (m.mid > this.lastMid + 1) {
				results.push({ mid: m.mid, status: 'gap', expected: this.lastMid + 1 });
				break;
			} else {
				this.lastMid = m.mid;
				this.applied.set(m.mid, content);
				results.push({ mid: m.mid, status: m.fields.name === 'bad' ? 'rejected' : 'applied', server_seq: m.mid });
			}
		}
		this.faults.shift()?.();
		return { results, last_mid: this.lastMid };
	}
	async pull(since: number) {
		this.calls.push(`pull ${since}`);
		this.faults.shift()?.();
		const next = Math.min(since + 2, this.rows);
		return {
			rows: Array.from({ length: next - since }, (_, i) => ({ table: 'people', row: { server_seq: since + i + 1 } })),
			next,
			has_more: next < this.rows,
			erased_at: this.erasedAt
		};
	}
	async refreshSession() {
		this.refreshes++;
		return true;
	}
}

describe('SyncEngine', () => {
	it('pushes in order, in batches, then pulls every page', async () => {
		const store = new MemoryStore();
		store.entries = [1, 2, 3, 4, 5].map(entry);
		const remote = new ScriptedRemote();
		remote.rows = 5;
		const report = await new SyncEngine(store, remote, { batchSize: 2 }).sync();
		expect(remote.calls).toEqual(['push 1,2', 'push 3,4', 'push 5', 'pull 0', 'pull 2', 'pull 4']);
		expect(report).toEqual({ pushed: 5, rejected: 0, pulled: 5 });
		expect(store.entries).toEqual([]);
		expect(store.at).toBe(5);
	});

	it('keeps a batch whose response was lost, and the retry is acknowledged as duplicates', async () => {
		const store = new MemoryStore();
		store.entries = [1, 2].map(entry);
		const remote = new ScriptedRemote();
		remote.faults.push(() => {
			throw new RemoteError('offline', 'response lost');
		});
		await expect(new SyncEngine(store, remote).sync()).rejects.toMatchObject({ kind: 'offline' });
		expect(store.entries.map((e) => e.mid)).toEqual([1, 2]);
		await new SyncEngine(store, remote).sync();
		expect(store.entries).toEqual([]);
		expect(store.acknowledged.map((o) => o.result.status)).toEqual(['duplicate', 'duplicate']);
		expect(remote.lastMid).toBe(2);
	});

	it('refreshes the session once after a 401 and sends the same batch again', async () => {
		const store = new MemoryStore();
		store.entries = [entry(1)];
		const remote = new ScriptedRemote();
		const original = remote.push.bind(remote);
		let first = true;
		remote.push = async (client, mutations, seen) => {
			if (first) {
				first = false;
				throw new RemoteError('unauthorized', 'JWT expired');
			}
			return original(client, mutations, seen);
		};
		await new SyncEngine(store, remote).sync();
		expect(remote.refreshes).toBe(1);
		expect(store.entries).toEqual([]);
	});

	it('renumbers after a gap and carries on', async () => {
		const store = new MemoryStore();
		store.entries = [entry(3), entry(4)];
		const remote = new ScriptedRemote();
		remote.lastMid = 1;
		await new SyncEngine(store, remote).sync();
		expect(remote.calls.slice(0, 2)).toEqual(['push 3,4', 'push 2,3']);
		expect(store.entries).toEqual([]);
	});

	it('renumbers a change whose mid the server had for another change, and sends it again instead of dropping it', async () => {
		const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
		try {
			const store = new MemoryStore();
			store.entries = [1, 2, 3].map(entry);
			const remote = new ScriptedRemote();
			// This device's id pushed mids 1 to 3 before (say, from a copy of its database restored since).
			remote.lastMid = 3;
			for (const mid of [1, 2, 3]) remote.applied.set(mid, `another change ${mid}`);
			const report = await new SyncEngine(store, remote).sync();
			expect(remote.calls.slice(0, 2)).toEqual(['push 1,2,3', 'push 4,5,6']);
			expect(store.acknowledged.map((o) => [o.entry.id, o.result.status])).toEqual([
				['p1', 'applied'],
				['p2', 'applied'],
				['p3', 'applied']
			]);
			expect(report).toMatchObject({ pushed: 3, rejected: 0 });
			expect(store.entries).toEqual([]);
			expect(warn).toHaveBeenCalledWith(expect.stringContaining('used before'));
		} finally {
			warn.mockRestore();
		}
	});

	it('counts rejected changes and still acknowledges them (they go to the couldn\u2019t-sync list)', async () => {
		const store = new MemoryStore();
		store.entries = [{ ...entry(1), fields: { name: 'bad' } }, entry(2)];
		const report = await new SyncEngine(store, new ScriptedRemote()).sync();
		expect(report).toMatchObject({ pushed: 1, rejected: 1 });
		expect(store.acknowledged.map((o) => o.result.status)).toEqual(['rejected', 'applied']);
	});

	it('halves a request the server refuses whole, keeps the one change it will not take, and goes on', async () => {
		const store = new MemoryStore();
		store.entries = [1, 2, 3, 4].map(entry);
		store.entries[2] = { ...entry(3), fields: { name: 'x'.repeat(100) } };
		const remote = new ScriptedRemote();
		const original = remote.push.bind(remote);
		remote.push = async (client, mutations, seen) => {
			if (mutations.some((m) => String(m.fields.name).length > 50)) {
				remote.calls.push(`refused ${mutations.map((m) => m.mid).join(',')}`);
				throw new RemoteError('refused', 'Payload too large');
			}
			return original(client, mutations, seen);
		};
		const report = await new SyncEngine(store, remote, { batchSize: 4 }).sync();
		// After the refused 3, mid 4 meets a gap (the server never saw 3) and goes again as 3.
		expect(remote.calls.slice(0, 6)).toEqual([
			'refused 1,2,3,4',
			'push 1,2',
			'refused 3,4',
			'refused 3',
			'push 4',
			'push 3'
		]);
		expect(report).toMatchObject({ pushed: 3, rejected: 1 });
		expect(store.acknowledged.find((o) => o.result.status === 'rejected')).toMatchObject({
			entry: { id: 'p3' },
			result: { reason: 'Payload too large' }
		});
		expect(store.entries).toEqual([]);
	});

	it('pulls again from the start when the device clears its copy after an erasure elsewhere', async () => {
		const store = new MemoryStore();
		const remote = new ScriptedRemote();
		remote.rows = 3;
		let restarts = 1;
		const apply = store.applyPage.bind(store);
		store.applyPage = async (page) => {
			if (restarts-- > 0) {
				store.at = 0;
				return 'restart';
			}
			return apply(page);
		};
		await new SyncEngine(store, remote).sync();
		expect(remote.calls).toEqual(['pull 0', 'pull 0', 'pull 2']);
	});

	it('clears its copy, waiting changes included, when a push is answered "erased", then pulls from the start', async () => {
		const store = new MemoryStore();
		store.entries = [1, 2, 3].map(entry);
		store.at = 40;
		const remote = new ScriptedRemote();
		remote.erasedAt = '2026-11-23T10:00:00.123456+00:00';
		remote.rows = 2;
		const report = await new SyncEngine(store, remote, { batchSize: 2 }).sync();
		// One push, answered "erased": the rest of the outbox is never sent, and nothing is acknowledged.
		expect(remote.calls).toEqual(['push 1,2', 'pull 0']);
		expect(remote.seen).toEqual([null]);
		expect(store.cleared).toEqual(['2026-11-23T10:00:00.123456+00:00']);
		expect(store.acknowledged).toEqual([]);
		expect(store.entries).toEqual([]);
		expect(report).toEqual({ pushed: 0, rejected: 0, pulled: 2 });

		// What is typed after it heard is pushed with the erasure it saw, and applied.
		store.entries = [entry(1)];
		await new SyncEngine(store, remote).sync();
		expect(remote.seen).toEqual([null, '2026-11-23T10:00:00.123456+00:00']);
		expect(store.acknowledged.map((o) => o.result.status)).toEqual(['applied']);
		expect(store.cleared).toHaveLength(1);
	});

	it('pulls first when the device never pulled, so its first push says which erasure it saw', async () => {
		const store = new MemoryStore();
		store.erasure = undefined;
		store.entries = [entry(1)];
		const remote = new ScriptedRemote();
		remote.erasedAt = '2026-01-01T00:00:00+00:00';
		remote.rows = 1;
		await new SyncEngine(store, remote).sync();
		expect(remote.calls).toEqual(['pull 0', 'push 1', 'pull 1']);
		expect(remote.seen).toEqual(['2026-01-01T00:00:00+00:00']);
		expect(store.cleared).toEqual([]);
		expect(store.acknowledged.map((o) => o.result.status)).toEqual(['applied']);
	});

	it('cuts a batch to the push budget in bytes, so the server never refuses it as too large', async () => {
		const store = new MemoryStore();
		store.entries = [1, 2, 3].map((mid) => ({ ...entry(mid), fields: { name: 'x'.repeat(400) } }));
		const remote = new ScriptedRemote();
		await new SyncEngine(store, remote, { batchBytes: 1_000 }).sync();
		expect(remote.calls).toEqual(['push 1,2', 'push 3', 'pull 0']);
		expect(store.entries).toEqual([]);
	});

	it('at a quota refusal keeps every waiting change, still pulls, and reports the quota', async () => {
		const store = new MemoryStore();
		store.entries = [1, 2, 3].map(entry);
		const remote = new ScriptedRemote();
		remote.rows = 1;
		const original = remote.push.bind(remote);
		remote.push = async (client, mutations, seen) => {
			if (mutations.some((m) => m.mid === 3)) {
				remote.calls.push(`quota ${mutations.map((m) => m.mid).join(',')}`);
				throw new QuotaError('bytes-per-day', null, 'This account has synced 25000000 of its 25000000 bytes today');
			}
			return original(client, mutations, seen);
		};
		await expect(new SyncEngine(store, remote, { batchSize: 2 }).sync()).rejects.toMatchObject({
			kind: 'quota',
			limit: 'bytes-per-day'
		});
		// The first batch went; the refused one was neither halved nor marked refused, and is still waiting.
		expect(remote.calls).toEqual(['push 1,2', 'quota 3', 'pull 0']);
		expect(store.acknowledged.map((o) => [o.entry.mid, o.result.status])).toEqual([
			[1, 'applied'],
			[2, 'applied']
		]);
		expect(store.entries).toEqual([entry(3)]);
		expect(store.at).toBe(1);
	});

	it('stops, instead of looping, when the server answers for none of a batch', async () => {
		const store = new MemoryStore();
		store.entries = [entry(1)];
		const remote = new ScriptedRemote();
		remote.push = async () => ({ results: [], last_mid: 0 });
		await expect(new SyncEngine(store, remote).sync()).rejects.toMatchObject({ kind: 'refused' });
		expect(store.entries).toHaveLength(1);
	});
});

describe('backoffDelay', () => {
	it('grows exponentially with jitter and is capped at five minutes', () => {
		expect(backoffDelay(1, 0)).toBe(500);
		expect(backoffDelay(1, 0.999)).toBeLessThanOrEqual(1_000);
		expect(backoffDelay(4, 0.5)).toBe(6_000);
		expect(backoffDelay(30, 0.999)).toBeLessThanOrEqual(300_000);
		expect(backoffDelay(30, 0)).toBe(150_000);
	});
});
