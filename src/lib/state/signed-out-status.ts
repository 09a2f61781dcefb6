import { liveQuery } from 'dexie';
import { AUTH_STORAGE_KEY } from '$lib/adapters/supabase/auth-storage';
import { app, databases } from './app';
import { hasStoredSession } from './sync-service';
import type { AccountState } from './sync.svelte';

export type WithoutSession = Extract<AccountState, 'signed-out' | 'session-ended'>;

/**
 * Nobody is signed in: while signed out, or, when a user's data is still open but their session
 * is gone without a sign-out here, because the auth server ended it (supabase-js removes a
 * session whose refresh the auth server refused).
 */
export function withoutSession(): WithoutSession {
	const registry = databases();
	return registry && registry.active() !== registry.guest() ? 'session-ended' : 'signed-out';
}

/**
 * What the header says for someone not signed in, read from the device alone, without the sync
 * service: who was signed in and how many changes are waiting. `signedIn` runs when another tab
 * stores a sign-in. Returns a function that stops watching.
 */
export function watchSignedOut(
	show: (state: { account: WithoutSession; pending: number }) => void,
	signedIn: () => void
): () => void {
	const account = withoutSession();
	show({ account, pending: 0 });
	const counting = liveQuery(() => app().db.outbox.count()).subscribe({
		next: (pending) => show({ account, pending }),
		error: (error: unknown) => console.warn('Could not count waiting changes:', error)
	});
	const onStorage = (event: StorageEvent) => {
		if (event.key === AUTH_STORAGE_KEY && hasStoredSession()) signedIn();
	};
	window.addEventListener('storage', onStorage);
	return () => {
		counting.unsubscribe();
		window.removeEventListener('storage', onStorage);
	};
}
