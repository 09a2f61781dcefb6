import { liveQuery } from 'dexie';
import { LocalDb, type SyncFailureRow } from '$lib/adapters/local/db';
import { DexieSyncStore } from '$lib/adapters/local/sync-store';
import { eraseLocalData } from '$lib/adapters/local/erase';
import { moveGuestData } from '$lib/adapters/local/guest-data';
import { stopReminders } from '$lib/adapters/notifications/permission';
import { keepReminderDatabase } from '$lib/adapters/notifications/reminder-target';
import type { ReminderServer } from '$lib/adapters/supabase/reminders';
import { deviceTimeZone } from '$lib/adapters/device/locale';
import {
	CODE_HINT,
	sendCodeMessage,
	typedCode,
	verifyCodeMessage,
	type AuthErrorLike
} from '$lib/adapters/supabase/auth-messages';
import { createSupabaseClient, signOutHere, type AppSupabaseClient } from '$lib/adapters/supabase/client';
import { SupabaseGateway } from '$lib/adapters/supabase/gateway';
import { readStoredSession, withLiveSession, type StoredSession } from '$lib/adapters/supabase/session';
import { supabaseConfig } from '$lib/config';
import { SyncEngine } from '$lib/domain/sync/engine';
import { eraseAllData, serverFailureMessage } from '$lib/domain/sync/erase';
import { discardOrder, retryOrder } from '$lib/domain/sync/failures';
import { RemoteError, type RemoteEraser } from '$lib/domain/sync/ports';
import { CHANGE_DEBOUNCE_MS, PERIODIC_MS, SyncScheduler, type SyncSnapshot } from '$lib/domain/sync/scheduler';
import { app, databases } from './app';
import { withoutSession } from './signed-out-status';
import { announceSyncService } from './sync-service';

export type { SyncFailureRow };

export { CODE_HINT };
/**
 * `session-ended`: a user's data is open here but supabase-js no longer holds their session (the
 * auth server refused to refresh it): they sign in again to sync; nothing of theirs is touched.
 */
export type AccountState = 'local-only' | 'loading' | 'signed-out' | 'session-ended' | 'signed-in';

type Result = { ok: true } | { ok: false; message: string };

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

/** False when the device knows it has no network: then nothing calls supabase-js (see session.ts). */
const online = () => typeof navigator === 'undefined' || navigator.onLine !== false;
const OFFLINE = 'This device is offline.';

/** Words for an auth error a person can act on (the raw one goes to the console). */
function authMessage(error: unknown, words: (error: AuthErrorLike) => string): string {
	console.warn('Sign-in problem:', error);
	return words((error ?? {}) as AuthErrorLike);
}

/**
 * The account and sync, for the whole app: signing in with an emailed code, which user's data
 * this device shows, and when to sync (start, back online, back in view, a moment after a local
 * change, every minute while in view). Create it once (`sync()`), in the browser.
 */
export class SyncService {
	readonly configured = supabaseConfig() !== null;
	account = $state<AccountState>(this.configured ? 'loading' : 'local-only');
	email = $state<string | null>(null);
	snapshot = $state.raw<SyncSnapshot>({ phase: 'idle', lastSyncedAt: null, problem: null, retryAt: null });
	/** Changes on this device the server has not acknowledged yet. */
	pending = $state(0);
	/** Changes the server refused, newest first. */
	failures = $state.raw<SyncFailureRow[]>([]);
	/** When this device's copy was cleared because all the data was deleted from another device. */
	erasedElsewhereAt = $state<number | null>(null);

	/** The outbox and the synced copy, on the open database (only sync needs them). */
	readonly #store = new DexieSyncStore(app().db);
	#client: Promise<AppSupabaseClient> | null = null;
	#userId: string | null = null;
	#scheduler: SyncScheduler | null = null;

	constructor() {
		this.#watchStore();
		if (this.configured) this.#start();
	}

	/** Sends a one-time code to `email`. */
	async sendCode(email: string): Promise<Result> {
		const address = email.trim();
		if (!EMAIL.test(address)) return { ok: false, message: 'Enter an email address, like name@example.org.' };
		if (!online())
			return { ok: false, message: 'This device is offline. Connect to the internet, then ask for a code.' };
		try {
			const client = await this.#getClient();
			if (!client) return { ok: false, message: 'Sync is not set up in this copy of the app.' };
			const { error } = await client.auth.signInWithOtp({ email: address, options: { shouldCreateUser: true } });
			return error ? { ok: false, message: authMessage(error, sendCodeMessage) } : { ok: true };
		} catch (error) {
			return { ok: false, message: authMessage(error, sendCodeMessage) };
		}
	}

	/** Signs in with the code from the email. Returns ok, or why not. */
	async verifyCode(email: string, code: string): Promise<Result> {
		const token = typedCode(code);
		if (!token) return { ok: false, message: CODE_HINT };
		if (!online()) return { ok: false, message: 'This device is offline. Connect to the internet, then sign in.' };
		try {
			const client = await this.#getClient();
			if (!client) return { ok: false, message: 'Sync is not set up in this copy of the app.' };
			const { data, error } = await client.auth.verifyOtp({ email: email.trim(), token, type: 'email' });
			if (error || !data.user) return { ok: false, message: authMessage(error, verifyCodeMessage) };
			await this.#useAccount(data.user.id, data.user.email ?? email.trim());
			return { ok: true };
		} catch (error) {
			return { ok: false, message: authMessage(error, verifyCodeMessage) };
		}
	}

	/**
	 * Signs out. The user's data (and any change not yet synced) stays in their own database on
	 * this device for their next sign-in; the app switches to the guest data.
	 */
	async signOut(): Promise<void> {
		// While still signed in: the server forgets this device, so no reminder arrives after sign-out.
		await this.#forgetThisDevice();
		this.#scheduler?.stop();
		// First the switch to the guest data, so whatever happens next, this user's data is put away.
		databases()?.signOut();
		this.#userId = null;
		// Offline, supabase-js is left asleep (it would try to refresh first): the stored session goes.
		await signOutHere(online() ? await this.#getClient().catch(() => null) : null);
		reload();
	}

	/**
	 * "Delete all my data". Signed in: the server's copy first, and if that fails nothing here is
	 * deleted; then this device's database, and the app starts afresh, signed out. Signed out or
	 * local-only: this device's database only. On success the app reloads to the start page.
	 */
	async deleteAllData(): Promise<Result> {
		// Until the session is read, whether there is a server copy to delete first is unknown.
		if (this.account === 'loading') return { ok: false, message: 'Still checking sign-in. Try again in a moment.' };
		// The server's copy can only go while signed in; this device's copy waits for it.
		if (this.account === 'session-ended') return { ok: false, message: serverFailureMessage('unauthorized', null) };
		const services = app();
		const signedIn = this.account === 'signed-in';
		const userId = this.#userId;
		// Offline (or with a session that cannot be refreshed) this fails before anything is deleted.
		const server: RemoteEraser | null = signedIn
			? {
					deleteMyData: () => this.#whileSignedIn((client) => new SupabaseGateway(client).deleteMyData()),
					refreshSession: () => this.#whileSignedIn((client) => new SupabaseGateway(client).refreshSession())
				}
			: null;
		// Holding the sync lock: a round under way (in any tab) finishes first, and none starts
		// until this is over, so nothing of this user's is pushed again mid-erasure.
		const outcome = await withSyncLock(services.dbName, () =>
			eraseAllData({
				server,
				eraseLocal: async () => {
					this.#scheduler?.stop();
					await eraseLocalData(services.db, databases(), userId);
					await stopReminders().catch((error: unknown) => console.warn('Could not stop reminders:', error));
					// delete_my_data forgot the server's copy of this device; it stops listening too.
					await import('$lib/adapters/notifications/push-device')
						.then((push) => push.unsubscribeDevice())
						.catch((error: unknown) => console.warn('Could not turn notifications off here:', error));
					if (!signedIn) return;
					// Signed out on purpose: no "someone else signed in" reload.
					this.#userId = null;
					await signOutHere(online() ? await this.#getClient().catch(() => null) : null);
				}
			})
		);
		if (!outcome.ok) {
			console.warn('Delete all my data:', outcome.cause);
			return { ok: false, message: outcome.message };
		}
		location.replace('/');
		return { ok: true };
	}

	/**
	 * Runs `work` against the reminder RPCs (this device's push subscription, the account's reminder
	 * settings), signed in; fails as sync does when offline or signed out. Their code loads here.
	 */
	async reminders<T>(work: (server: ReminderServer) => Promise<T>): Promise<T> {
		const { ReminderServer } = await import('$lib/adapters/supabase/reminders');
		return this.#whileSignedIn((client) => work(new ReminderServer(client)));
	}

	/**
	 * Sign-out: this device stops listening for reminders, the server forgets it, the browser's
	 * background checks stop and shown ones close.
	 */
	async #forgetThisDevice(): Promise<void> {
		try {
			const [push, pending] = await Promise.all([
				import('$lib/adapters/notifications/push-device'),
				import('$lib/adapters/notifications/push-pending')
			]);
			// A renewal not reported yet belongs to this account: never to the next one signed in here.
			await pending.clearPendingSubscription();
			const endpoint = await push.unsubscribeDevice();
			// Offline, the push service's "gone" answer tells the server at its next send.
			if (endpoint && online() && this.#userId)
				await this.reminders((server) => server.forgetPushSubscription(endpoint, AbortSignal.timeout(5_000)));
		} catch (error) {
			console.warn('Could not forget this device for reminders:', error);
		}
		await stopReminders().catch((error: unknown) => console.warn('Could not stop reminders:', error));
	}

	/**
	 * The browser renewed this device's push subscription while the app was closed (the service
	 * worker kept it, see push-pending.ts): the server gets the new one and forgets the old one.
	 */
	async #reportRenewedSubscription(): Promise<void> {
		if (!online()) return;
		try {
			const { reportPendingSubscription } = await import('$lib/adapters/notifications/push-pending');
			await reportPendingSubscription((renewed) => {
				const signal = AbortSignal.timeout(10_000);
				return this.reminders(async (server) => {
					await server.savePushSubscription(renewed.subscription, deviceTimeZone(), signal);
					if (renewed.replaces && renewed.replaces !== renewed.subscription.endpoint)
						await server.forgetPushSubscription(renewed.replaces, signal);
				});
			});
		} catch (error) {
			console.warn('Could not report the renewed push subscription:', error);
		}
	}

	/** Syncs now ("Sync now"), and resolves when the round is over. */
	async syncNow(): Promise<void> {
		await this.#scheduler?.syncNow();
	}

	/** Sends a refused change again, with the refused changes to the rows it refers to. */
	async retry(key: number): Promise<void> {
		await this.#store.retry(retryOrder(this.failures, key));
		this.#scheduler?.request(0);
	}

	/** Sends every refused change again, in the order they were made. */
	async retryAll(): Promise<void> {
		await this.#store.retry(this.failures.flatMap((f) => (f.key === undefined ? [] : [f.key])));
		this.#scheduler?.request(0);
	}

	/** Gives up a refused change, with the refused changes that need its row. */
	async discard(key: number): Promise<void> {
		await this.#store.discard(discardOrder(this.failures, key));
		this.#scheduler?.request(0);
	}

	/** The supabase-js client, created on first use (only ever online: see session.ts). */
	#getClient(): Promise<AppSupabaseClient | null> {
		const config = supabaseConfig();
		if (!config) return Promise.resolve(null);
		this.#client ??= createSupabaseClient(config.url, config.anonKey).then(
			(client) => {
				this.#watchSession(client);
				return client;
			},
			(error: unknown) => {
				this.#client = null;
				throw error;
			}
		);
		return this.#client;
	}

	/**
	 * Runs `work` with this user's session alive. Offline it fails at once, without waking
	 * supabase-js; a session that cannot be refreshed for want of a network is `offline`, one the
	 * server ended is `unauthorized`.
	 */
	async #whileSignedIn<T>(work: (client: AppSupabaseClient) => Promise<T>): Promise<T> {
		if (!online()) throw new RemoteError('offline', OFFLINE);
		const client = await this.#getClient().catch((error: unknown) => {
			throw new RemoteError('offline', 'The sync code could not be loaded.', error);
		});
		if (!client) throw new RemoteError('refused', 'Sync is not set up in this copy of the app.');
		return withLiveSession(client.auth, this.#userId, () => work(client));
	}

	/**
	 * The session is shared by every tab: if another tab signs out or in as someone else, or the
	 * auth server ends the session, this tab stops and reloads into the right data, and never
	 * syncs one user's data as another.
	 */
	#watchSession(client: AppSupabaseClient): void {
		client.auth.onAuthStateChange((event, session) => {
			// INITIAL_SESSION is null when a refresh merely failed (supabase-js _emitInitialSession);
			// with nobody signed in here, a sign-in is this tab's own (verifyCode).
			if (event === 'INITIAL_SESSION' || this.#userId === null) return;
			if ((session?.user.id ?? null) !== this.#userId) {
				this.#scheduler?.stop();
				reload();
			}
		});
	}

	/** Who is signed in, from the stored session: no network needed, none asked. */
	#start(): void {
		let stored: StoredSession | null = null;
		try {
			stored = readStoredSession(localStorage);
		} catch (error) {
			console.warn('Could not read the sign-in session:', error);
		}
		if (stored) {
			void this.#useAccount(stored.userId, stored.email);
			return;
		}
		this.account = withoutSession();
	}

	/** Shows this user's data (reloading into their database if it is not the open one) and syncs it. */
	async #useAccount(userId: string, email: string): Promise<void> {
		const registry = databases();
		const services = app();
		const wasGuest = registry?.guest() === services.dbName;
		const name = registry?.signIn(userId);
		if (name && name !== services.dbName) {
			// A returning user: what was captured signed out goes into their data, not left behind.
			if (wasGuest) await moveGuestData(services.db, new LocalDb(name));
			reload();
			return;
		}
		this.#userId = userId;
		this.email = email;
		this.account = 'signed-in';
		// The service worker's reminders read this user's database (it cannot read localStorage).
		void keepReminderDatabase(services.dbName).catch((error: unknown) =>
			console.warn('Could not name the reminders database:', error)
		);
		this.#startSyncing();
		void this.#reportRenewedSubscription();
		navigator.serviceWorker?.addEventListener('message', (event: MessageEvent<{ type?: string } | null>) => {
			if (event.data?.type === 'PUSH_SUBSCRIPTION_CHANGED') void this.#reportRenewedSubscription();
		});
	}

	#startSyncing(): void {
		if (this.#scheduler) return;
		const services = app();
		let engine: SyncEngine | null = null;
		const round = () =>
			this.#whileSignedIn((client) => (engine ??= new SyncEngine(this.#store, new SupabaseGateway(client))).sync());
		const lockName = syncLockName(services.dbName);
		const scheduler = (this.#scheduler = new SyncScheduler({
			sync: round,
			withLock: async (task) => {
				if (!navigator.locks) {
					await task();
					return true;
				}
				return navigator.locks.request(lockName, { ifAvailable: true }, async (lock) => {
					if (!lock) return false;
					await task();
					return true;
				});
			},
			setTimer: (callback, ms) => setTimeout(callback, ms),
			clearTimer: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
			now: () => Date.now(),
			random: () => Math.random(),
			online,
			onChange: (snapshot) => (this.snapshot = snapshot)
		}));

		const now = () => scheduler.request(0);
		const visible = () => document.visibilityState === 'visible';
		window.addEventListener('online', now);
		window.addEventListener('offline', now);
		document.addEventListener('visibilitychange', () => visible() && now());
		setInterval(() => visible() && now(), PERIODIC_MS);
		now();
	}

	/** Keeps the counts current; a new local change asks for a sync a moment later. */
	#watchStore(): void {
		const sync = this.#store;
		let previous = -1;
		liveQuery(() => sync.pendingCount()).subscribe({
			next: (count) => {
				if (count > previous && previous >= 0) this.#scheduler?.request(CHANGE_DEBOUNCE_MS);
				previous = count;
				this.pending = count;
			},
			error: (error) => console.warn('Could not count waiting changes:', error)
		});
		liveQuery(() => sync.erasedElsewhereAt()).subscribe({
			next: (at) => (this.erasedElsewhereAt = at),
			error: (error) => console.warn('Could not read the erasure notice:', error)
		});
		liveQuery(() => sync.failures()).subscribe({
			next: (failures) => (this.failures = failures),
			error: (error) => console.warn('Could not read refused changes:', error)
		});
	}
}

function reload(): void {
	location.reload();
}

/** The device-wide lock a tab holds while it syncs a database (one syncing tab per database). */
const syncLockName = (dbName: string) => `sync:${dbName}`;

/** Runs `task` holding the sync lock, waiting for a round under way to finish. */
async function withSyncLock<T>(dbName: string, task: () => Promise<T>): Promise<T> {
	if (typeof navigator === 'undefined' || !navigator.locks) return task();
	return navigator.locks.request(syncLockName(dbName), task);
}

let service: SyncService | null = null;

/** The app's account and sync (created on first use, in the browser). */
export function sync(): SyncService {
	if (!service) announceSyncService((service = new SyncService()));
	return service;
}
