/**
 * Writes the latest value of something edited on every keystroke: one write at a time, and while
 * one is running only the newest value waits, so a burst of typing costs two writes, not fifty.
 */
export class LatestWriter<T> {
	private pending: { value: T } | null = null;
	private running: Promise<void> | null = null;
	private closed = false;

	constructor(
		private readonly write: (value: T) => Promise<void>,
		/** Called after each write; `idle` is true when nothing newer is waiting. */
		private readonly onResult: (ok: boolean, idle: boolean) => void = () => {}
	) {}

	save(value: T): void {
		if (this.closed) return;
		this.pending = { value };
		this.running ??= this.drain();
	}

	/** Resolves once every value given so far is written (or has failed). */
	async flush(): Promise<void> {
		while (this.running) await this.running;
	}

	/** Stops writing: later saves are ignored (e.g. once the draft became a contact). */
	async close(): Promise<void> {
		this.closed = true;
		await this.flush();
	}

	/** Accepts saves again (e.g. saving the contact failed and the user keeps editing). */
	reopen(): void {
		this.closed = false;
	}

	private async drain(): Promise<void> {
		while (this.pending) {
			const { value } = this.pending;
			this.pending = null;
			let ok = true;
			try {
				await this.write(value);
			} catch {
				ok = false;
			}
			this.onResult(ok, this.pending === null);
		}
		this.running = null;
	}
}
