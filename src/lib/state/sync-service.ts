import { supabaseConfig } from '$lib/config';
import type { SyncService } from './sync.svelte';

/** Whether this copy of the app syncs through Supabase (otherwise it is local-only). */
export const syncConfigured = supabaseConfig() !== null;

/**
 * The account and sync service, loaded on demand: the header loads it (and so starts syncing) as
 * the app starts where sync is set up; a local-only copy has nothing to sync and never needs it.
 */
export function loadSyncService(): Promise<SyncService> {
	return import('./sync.svelte').then((module) => module.sync());
}
