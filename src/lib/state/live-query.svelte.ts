import { liveQuery } from 'dexie';

/**
 * Dexie's live queries keep quiet about a closed database: it is closed on purpose when the account
 * changes or the data is erased. They keep quiet too when it is "closed" because it could not be
 * opened (Dexie's DatabaseClosedError then wraps the open's own error): that one is a failure the
 * screen must show, not a "Loading…" that never ends.
 */
function openFailure(error: unknown): unknown {
	const closed = error as { name?: string; inner?: { name?: string } } | null;
	return closed?.name === 'DatabaseClosedError' && closed.inner && closed.inner.name !== closed.name
		? closed.inner
		: error;
}

/**
 * The result of an IndexedDB query that stays current: it re-runs whenever the tables it read
 * change (in this tab or another). `deps` is read reactively; the query re-subscribes when it changes.
 * Create it during component initialisation.
 */
export class LiveQuery<T, D = void> {
	current = $state.raw<T | undefined>(undefined);
	error = $state.raw<unknown>(null);

	constructor(query: (deps: D) => Promise<T>, deps?: () => D) {
		$effect(() => {
			const value = deps?.() as D;
			const subscription = liveQuery(() =>
				query(value).catch((error: unknown) => {
					throw openFailure(error);
				})
			).subscribe({
				next: (result) => {
					this.current = result;
					this.error = null;
				},
				error: (error) => {
					this.error = error;
				}
			});
			return () => subscription.unsubscribe();
		});
	}

	get loading(): boolean {
		return this.current === undefined && this.error === null;
	}
}
