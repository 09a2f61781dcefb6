import { describe, expect, it } from 'vitest';
import { syncStatusText } from '$lib/components/sync/status';
import type { SyncSnapshot } from '$lib/domain/sync/scheduler';

const at = (phase: SyncSnapshot['phase'], lastSyncedAt: number | null = 1): SyncSnapshot => ({
	phase,
	lastSyncedAt,
	problem: null,
	retryAt: null
});

describe('the sync status line', () => {
	it('says what a person needs to know', () => {
		expect(syncStatusText('local-only', at('idle'), 3, 0)).toBe('Local only');
		expect(syncStatusText('signed-out', at('idle'), 2, 0)).toBe('Not signed in: 2 changes on this device only');
		expect(syncStatusText('signed-in', at('idle', null), 0, 0)).toBe('Not synced yet');
		expect(syncStatusText('signed-in', at('idle'), 0, 0)).toBe('All synced');
		expect(syncStatusText('signed-in', at('idle'), 1, 0)).toBe('1 change waiting');
		expect(syncStatusText('signed-in', at('offline'), 4, 0)).toBe('Offline: 4 changes waiting');
		expect(syncStatusText('signed-in', at('syncing'), 4, 0)).toBe('Syncing 4 changes…');
		expect(syncStatusText('signed-in', at('idle'), 0, 2)).toBe("Couldn't sync 2 changes");
		expect(syncStatusText('signed-in', at('signed-out'), 0, 0)).toBe('Sign in again to sync');
		expect(syncStatusText('session-ended', at('idle'), 0, 0)).toBe('Sign in again to sync');
		expect(syncStatusText('session-ended', at('idle'), 3, 0)).toBe('Sign in again to sync 3 changes');
	});
});
