import { describe, expect, it } from 'vitest';
import type { SyncReport } from '$lib/domain/sync/engine';
import { QUOTA_RETRY_MS } from '$lib/domain/sync/limits';
import { QuotaError, RemoteError } from '$lib/domain/sync/ports';
import { CHANGE_DEBOUNCE_MS, SyncScheduler, type SyncSnapshot } from '$lib/domain/sync/scheduler';

/** A scheduler on a hand-driven clock, with a sync that does what each test says. */
function harness(sync: () => Promise<SyncReport>, options: { online?: boolean; lockHeld?: boolean } = {}) {
	let now = 1_000_000;
	let timers: { at: number; callback: () => void; id: number }[] = [];
	let nextId = 0;
	const seen: SyncSnapshot[] = [];
	const state = { online: options.online ?? true, lockHeld: options.lockHeld ?? false, rounds: 0 };
	const scheduler = new SyncScheduler({
		sync: () => {
			state.rounds++;
			return sync();
		},
		withLock: async (task) => {
			if (state.lockHeld) return false;
			await task();
			return true;
		},
		setTimer: (callback, ms) => {
			const id = ++nextId;
			timers.push({ at: now + ms, callback, id });
			return id;
		},
		clearTimer: (id) => {
			timers = timers.filter((t) => t.id !== id);
		},
		now: () => now,
		random: () => 0.5,
		online: () => state.online,
		onChange: (snapshot) => seen.push(snapshot)
	});
	/** Moves the clock, firing timers (and letting the rounds they start finish). */
	async function advance(ms: number) {
		const until = now + ms;
		for (;;) {
			const due = timers.filter((t) => t.at <= until).sort((a, b) => a.at - b.at)[0];
			if (!due) break;
			timers = timers.filter((t) => t !== due);
			now = due.at;
			due.callback();
			for (let i = 0; i < 10; i++) await Promise.resolve();
		}
		now = until;
		for (let i = 0; i < 10; i++) await Promise.resolve();
	}
	return { scheduler, state, seen, advance, pending: () => timers.length };
}

const report: SyncReport = { pushed: 1, rejected: 0, pulled: 0 };

describe('SyncScheduler', () => {
	it('waits for typing to settle after a change, then syncs once', async () => {
		const h = harness(async () => report);
		h.scheduler.request(CHANGE_DEBOUNCE_MS);
		h.scheduler.request(CHANGE_DEBOUNCE_MS);
		await h.advance(CHANGE_DEBOUNCE_MS - 1);
		expect(h.state.rounds).toBe(0);
		await h.advance(1);
		expect(h.state.rounds).toBe(1);
		expect(h.scheduler.snapshot).toMatchObject({ phase: 'idle', lastSyncedAt: 1_000_000 + CHANGE_DEBOUNCE_MS });
	});

	it('never overlaps rounds: a request during a round runs right after it', async () => {
		let release!: () => void;
		const h = harness(() => new Promise((resolve) => (release = () => resolve(report))));
		const first = h.scheduler.syncNow();
		h.scheduler.request(0);
		h.scheduler.request(0);
		expect(h.state.rounds).toBe(1);
		release();
		await first;
		await h.advance(0);
		expect(h.state.rounds).toBe(2);
		release();
		await h.advance(0);
		expect(h.state.rounds).toBe(2);
	});

	it('says offline without trying when the device has no network', async () => {
		const h = harness(async () => report, { online: false });
		h.scheduler.request(0);
		await h.advance(10_000);
		expect(h.state.rounds).toBe(0);
		expect(h.scheduler.snapshot.phase).toBe('offline');
	});

	it('backs off with jitter after server errors, and a success resets the backoff', async () => {
		let fail = 3;
		const h = harness(async () => {
			if (fail-- > 0) throw new RemoteError('server', 'HTTP 500');
			return report;
		});
		await h.scheduler.syncNow();
		expect(h.scheduler.snapshot).toMatchObject({
			phase: 'retrying',
			problem: 'The server had a problem.',
			retryAt: 1_000_000 + 750
		});
		// A change does not hurry a retry that is waiting on backoff.
		h.scheduler.request(CHANGE_DEBOUNCE_MS);
		await h.advance(749);
		expect(h.state.rounds).toBe(1);
		await h.advance(1);
		expect(h.state.rounds).toBe(2);
		expect(h.scheduler.snapshot.retryAt).toBe(1_000_750 + 1_500);
		await h.advance(1_500);
		expect(h.scheduler.snapshot.retryAt).toBe(1_002_250 + 3_000);
		await h.advance(3_000);
		expect(h.state.rounds).toBe(4);
		expect(h.scheduler.snapshot).toMatchObject({ phase: 'idle', problem: null, retryAt: null });
		expect(h.pending()).toBe(0);
	});

	it('a server not set up for sync (a function or grant missing) is retried with backoff and said plainly', async () => {
		let missing = 2;
		const h = harness(async () => {
			if (missing-- > 0)
				throw new RemoteError('unavailable', 'Could not find the function public.sync_push(client_id, mutations)');
			return report;
		});
		await h.scheduler.syncNow();
		expect(h.scheduler.snapshot).toMatchObject({
			phase: 'retrying',
			problem: 'The server is not set up for sync: Could not find the function public.sync_push(client_id, mutations)',
			retryAt: 1_000_000 + 750
		});
		await h.advance(750);
		expect(h.scheduler.snapshot).toMatchObject({ phase: 'retrying', retryAt: 1_000_750 + 1_500 });
		await h.advance(1_500);
		expect(h.state.rounds).toBe(3);
		expect(h.scheduler.snapshot).toMatchObject({ phase: 'idle', problem: null });
	});

	it('after a quota refusal says why, and waits an hour: no trigger but Sync now hurries it', async () => {
		let refusals = 2;
		const h = harness(async () => {
			if (refusals-- > 0)
				throw new QuotaError('rows', 'people', 'This account holds the most people it may keep (20000).');
			return report;
		});
		await h.scheduler.syncNow();
		expect(h.scheduler.snapshot).toMatchObject({
			phase: 'retrying',
			problem:
				"This account holds as many people as the server keeps for one person, so new ones can't sync. Your changes are kept on this device.",
			retryAt: 1_000_000 + QUOTA_RETRY_MS
		});
		// The minute timer, back online, back in view, a new change: none starts a round.
		for (let minute = 0; minute < 59; minute++) {
			h.scheduler.request(0);
			h.scheduler.request(CHANGE_DEBOUNCE_MS);
			await h.advance(60_000);
		}
		expect(h.state.rounds).toBe(1);
		// The person's Sync now does (and is refused again, which waits another hour).
		await h.scheduler.syncNow();
		expect(h.state.rounds).toBe(2);
		expect(h.scheduler.snapshot.retryAt).toBe(1_000_000 + 59 * 60_000 + QUOTA_RETRY_MS);
		await h.advance(QUOTA_RETRY_MS);
		expect(h.state.rounds).toBe(3);
		expect(h.scheduler.snapshot).toMatchObject({ phase: 'idle', problem: null });
		// Once a round went through, triggers work as before.
		h.scheduler.request(0);
		await h.advance(0);
		expect(h.state.rounds).toBe(4);
	});

	it('stops on a session the server will not accept, until sign-in', async () => {
		const h = harness(async () => {
			throw new RemoteError('unauthorized', 'JWT expired');
		});
		await h.scheduler.syncNow();
		expect(h.scheduler.snapshot.phase).toBe('signed-out');
		await h.advance(600_000);
		expect(h.state.rounds).toBe(1);
	});

	it('leaves the round to the tab holding the lock', async () => {
		const h = harness(async () => report, { lockHeld: true });
		await h.scheduler.syncNow();
		expect(h.state.rounds).toBe(0);
		expect(h.scheduler.snapshot).toMatchObject({ phase: 'idle', lastSyncedAt: 1_000_000 });
	});

	it('does nothing once stopped', async () => {
		const h = harness(async () => report);
		h.scheduler.request(0);
		h.scheduler.stop();
		await h.advance(120_000);
		expect(h.state.rounds).toBe(0);
	});
});
