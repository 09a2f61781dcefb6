import { REMIND_HOURS } from '$lib/domain/queue/queue-rules';
import { app } from './app';
import { clock } from './clock.svelte';
import { LiveQuery } from './live-query.svelte';

/**
 * The number of follow-ups that need action, kept current, and shown on the installed app's icon
 * where the Badging API exists; and how many are due within REMIND_HOURS (the reminder banner),
 * from the same query. Create it once, in the layout.
 */
export class QueueCount {
	readonly #count = new LiveQuery(
		(now: number) => app().followUps.actionCounts(now, REMIND_HOURS),
		() => clock.now
	);

	constructor() {
		$effect(() => {
			const count = this.current;
			const nav = navigator as Navigator & {
				setAppBadge?: (n?: number) => Promise<void>;
				clearAppBadge?: () => Promise<void>;
			};
			if (count > 0) nav.setAppBadge?.(count).catch(() => {});
			else nav.clearAppBadge?.().catch(() => {});
		});
	}

	get current(): number {
		return this.#count.current?.now ?? 0;
	}

	/** How many are due within REMIND_HOURS, or overdue. */
	get dueSoon(): number {
		return this.#count.current?.within ?? 0;
	}
}
