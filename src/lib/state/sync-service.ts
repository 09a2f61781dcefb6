import { AUTH_STORAGE_KEY } from '$lib/adapters/supabase/auth-storage';
import { supabaseConfig } from '$lib/config';
import type { SyncService } from './sync.svelte';

/** Whether this copy of the app syncs through Supabase (otherwise it is local-only). */
export const syncConfigured = supabaseConfig() !== null;

/**
 * The account and sync service, loaded on demand: the header loads it (and so starts syncing) as
 * the app starts when someone is signed in on this device; Settings loads it to sign in. A
 * local-only copy, or a visitor who has not signed in, never downloads the sync engine at start.
 */
export function loadSyncService(): Promise<SyncService> {
	return import('./sync.svelte').then((module) => module.sync());
}

/**
 * Whether something is stored where supabase-js keeps a sign-in (expired or not). Only a quick
 * look, so the app shell need not load how a session is read: the sync service reads it properly
 * and says "Not signed in" if it is not a session after all.
 */
export function hasStoredSession(): boolean {
	try {
		return localStorage.getItem(AUTH_STORAGE_KEY) !== null;
	} catch {
		return false;
	}
}

let created: SyncService | null = null;
let listener: ((service: SyncService) => void) | null = null;

/**
 * Calls `listener` with the sync service once it exists, whoever creates it (the header, or
 * Settings when someone signs in there). One listener at a time: the header's sync status. Returns
 * a function that stops listening.
 */
export function whenSyncServiceExists(waiting: (service: SyncService) => void): () => void {
	if (created) waiting(created);
	else listener = waiting;
	return () => {
		if (listener === waiting) listener = null;
	};
}

/** Called by sync() when it creates the service. */
export function announceSyncService(service: SyncService): void {
	created = service;
	listener?.(service);
	listener = null;
}
