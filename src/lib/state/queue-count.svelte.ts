import { REMIND_HOURS, type ReminderCounts } from '$lib/domain/queue/queue-rules';
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

	/** How many are overdue, and how many more are due within REMIND_HOURS (the reminder banner). */
	get reminder(): ReminderCounts {
		const counts = this.#count.current;
		return { overdue: counts?.overdue ?? 0, dueSoon: counts?.dueSoon ?? 0 };
	}
}
