export interface Timers {
	set(callback: () => void, ms: number): unknown;
	clear(handle: unknown): void;
}

const realTimers: Timers = {
	set: (callback, ms) => setTimeout(callback, ms),
	clear: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>)
};

/**
 * Asks a question a moment after what it depends on last changed (e.g. "have we met this person
 * before?" as their email is typed), and hands on the answer — only while the question stands: once
 * it is cancelled (the details changed again), a late answer to it is dropped, so an earlier, slower
 * lookup never replaces the answer to what is on the screen now.
 */
export class NewestAnswer<Q, A> {
	constructor(
		private readonly ask: (question: Q) => Promise<A>,
		private readonly answer: (value: A) => void,
		private readonly delayMs: number,
		private readonly timers: Timers = realTimers
	) {}

	/** Asks `question` after the delay; returns what cancels it (its answer, if late, is dropped). */
	schedule(question: Q): () => void {
		let current = true;
		const timer = this.timers.set(() => {
			this.ask(question).then(
				(value) => current && this.answer(value),
				() => {}
			);
		}, this.delayMs);
		return () => {
			current = false;
			this.timers.clear(timer);
		};
	}
}
