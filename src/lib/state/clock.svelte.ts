import { createSubscriber } from 'svelte/reactivity';

/**
 * "Now", re-read every 30 seconds while anything reactive reads it: countdowns tick and items
 * turn overdue without a reload. One timer for the whole app, running only while needed.
 */
class Clock {
	readonly #subscribe = createSubscriber((update) => {
		const timer = setInterval(update, 30_000);
		return () => clearInterval(timer);
	});

	get now(): number {
		this.#subscribe();
		return Date.now();
	}
}

export const clock = new Clock();
