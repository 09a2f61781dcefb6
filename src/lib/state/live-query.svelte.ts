import { liveQuery } from 'dexie';

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
			const subscription = liveQuery(() => query(value)).subscribe({
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
