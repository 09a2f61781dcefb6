import type { AccountState } from '$lib/state/sync.svelte';
import type { SyncSnapshot } from '$lib/domain/sync/scheduler';

export const changes = (n: number) => (n === 1 ? '1 change' : `${n} changes`);

/** The one line people see about sync: "All synced", "3 changes waiting", "Offline", … */
export function syncStatusText(
	account: AccountState,
	snapshot: SyncSnapshot,
	pending: number,
	refused: number
): string {
	if (account === 'local-only') return 'Local only';
	if (account === 'loading') return 'Checking sign-in…';
	if (account === 'signed-out')
		return pending ? `Not signed in: ${changes(pending)} on this device only` : 'Not signed in';
	if (account === 'session-ended')
		return pending ? `Sign in again to sync ${changes(pending)}` : 'Sign in again to sync';
	if (snapshot.phase === 'signed-out') return 'Sign in again to sync';
	if (refused) return `Couldn't sync ${changes(refused)}`;
	if (snapshot.phase === 'offline') return pending ? `Offline: ${changes(pending)} waiting` : 'Offline';
	// A background round with nothing to send does not flicker the line (screen readers would
	// announce it every minute).
	if (snapshot.phase === 'syncing' && pending) return `Syncing ${changes(pending)}…`;
	if (pending) return `${changes(pending)} waiting`;
	if (snapshot.phase === 'retrying') return 'Sync will retry';
	// Nothing waiting here, but the server may have news: not "All synced" before the first round.
	if (snapshot.lastSyncedAt === null) return 'Not synced yet';
	return 'All synced';
}
