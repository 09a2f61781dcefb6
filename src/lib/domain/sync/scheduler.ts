import { backoffDelay } from './backoff';
import type { SyncReport } from './engine';
import { QUOTA_RETRY_MS, quotaProblem } from './limits';
import { QuotaError, RemoteError, type RemoteFailure } from './ports';

/** What the person sees about sync (the counts come from the store, not from here). */
export type SyncPhase = 'idle' | 'syncing' | 'offline' | 'retrying' | 'signed-out';

export interface SyncSnapshot {
	phase: SyncPhase;
	/** When the last round finished without a transport problem (epoch ms). */
	lastSyncedAt: number | null;
	/** Why the last round failed, in words for the person. */
	problem: string | null;
	/** When the next automatic retry is due (epoch ms). */
	retryAt: number | null;
}

export interface SchedulerPorts {
	/** One round of sync (the engine). */
	sync(): Promise<SyncReport>;
	/**
	 * Runs `task` while holding the device-wide sync lock (navigator.locks: one syncing tab). Returns
	 * false without running it when another tab holds the lock.
	 */
	withLock(task: () => Promise<void>): Promise<boolean>;
	setTimer(callback: () => void, ms: number): unknown;
	clearTimer(handle: unknown): void;
	now(): number;
	random(): number;
	/** False when the device knows it has no network. */
	online(): boolean;
	onChange(snapshot: SyncSnapshot): void;
}

/** How long after a local change to sync (typing a note makes many changes). */
export const CHANGE_DEBOUNCE_MS = 2_000;
/** How often to sync while the app is in view. */
export const PERIODIC_MS = 60_000;

/** Why a round failed that will be retried, in words for the person. */
function problemOf(kind: RemoteFailure, error: unknown): string {
	const detail = error instanceof Error ? error.message : String(error);
	if (error instanceof QuotaError) return quotaProblem(error);
	switch (kind) {
		case 'offline':
			return 'The server could not be reached.';
		case 'refused':
			return `The server refused the request: ${detail}`;
		// A function or grant missing on the server: nothing is wrong with the changes, which wait;
		// the rounds go on with backoff until whoever runs the project sets it up.
		case 'unavailable':
			return `The server is not set up for sync: ${detail}`;
		default:
			return 'The server had a problem.';
	}
}

/**
 * When to sync, and what to tell the person. Triggers (start, online, visible, a local change, the
 * minute timer) ask for a round; rounds never overlap; a round asked for during another runs right
 * after it; transport failures retry with backoff and jitter; a refused session stops until the
 * person signs in again.
 */
export class SyncScheduler {
	#snapshot: SyncSnapshot = { phase: 'idle', lastSyncedAt: null, problem: null, retryAt: null };
	#running: Promise<void> | null = null;
	#again = false;
	#timer: unknown = null;
	#attempt = 0;
	#stopped = false;
	/** Until when a quota refusal holds the automatic rounds back (epoch ms). */
	#heldUntil = 0;

	constructor(private readonly ports: SchedulerPorts) {}

	get snapshot(): SyncSnapshot {
		return this.#snapshot;
	}

	/** Syncs soon: `delay` 0 for start/online/visible/"Sync now", CHANGE_DEBOUNCE_MS after a change. */
	request(delay = 0): void {
		if (this.#stopped) return;
		if (this.#running) {
			this.#again = true;
			return;
		}
		if (!this.ports.online()) {
			this.#set({ phase: 'offline', problem: null, retryAt: null });
			return;
		}
		// A retry waiting on backoff is not hurried by a change, only by a real trigger (delay 0);
		// one waiting after a quota refusal by neither (the minute timer would otherwise make it a
		// refused push a minute all day): only Sync now.
		if (this.#snapshot.phase === 'retrying' && (delay > 0 || this.ports.now() < this.#heldUntil)) return;
		this.#schedule(delay);
	}

	/** Runs a round now (after the one under way, if any) and resolves when it is over ("Sync now"). */
	async syncNow(): Promise<void> {
		if (this.#stopped) return;
		this.#clearTimer();
		while (this.#running) await this.#running;
		this.#clearTimer();
		this.#running = this.#round();
		await this.#running;
	}

	/** No more rounds (sign-out, or the page is going away). */
	stop(): void {
		this.#stopped = true;
		this.#clearTimer();
	}

	#schedule(delay: number): void {
		this.#clearTimer();
		this.#timer = this.ports.setTimer(() => {
			this.#timer = null;
			void this.syncNow();
		}, delay);
	}

	#clearTimer(): void {
		if (this.#timer !== null) this.ports.clearTimer(this.#timer);
		this.#timer = null;
	}

	async #round(): Promise<void> {
		this.#again = false;
		this.#set({ phase: 'syncing', problem: null, retryAt: null });
		try {
			// When another tab holds the lock, it is syncing this same database: its results reach
			// this tab through IndexedDB.
			await this.ports.withLock(() => this.ports.sync().then(() => undefined));
			this.#attempt = 0;
			this.#heldUntil = 0;
			this.#set({ phase: 'idle', lastSyncedAt: this.ports.now(), retryAt: null });
		} catch (error) {
			this.#failed(error);
		} finally {
			this.#running = null;
		}
		if (this.#again && this.#snapshot.phase === 'idle') this.#schedule(0);
	}

	#failed(error: unknown): void {
		const kind = error instanceof RemoteError ? error.kind : 'server';
		if (kind === 'unauthorized') {
			this.#set({ phase: 'signed-out', problem: 'Your session has ended. Sign in again to sync.', retryAt: null });
			return;
		}
		if (kind === 'offline' && !this.ports.online()) {
			this.#set({ phase: 'offline', problem: null, retryAt: null });
			return;
		}
		this.#attempt++;
		const wait = kind === 'quota' ? QUOTA_RETRY_MS : backoffDelay(this.#attempt, this.ports.random());
		this.#heldUntil = kind === 'quota' ? this.ports.now() + wait : 0;
		this.#set({ phase: 'retrying', problem: problemOf(kind, error), retryAt: this.ports.now() + wait });
		this.#schedule(wait);
	}

	#set(changes: Partial<SyncSnapshot>): void {
		this.#snapshot = { ...this.#snapshot, ...changes };
		this.ports.onChange(this.#snapshot);
	}
}
