import { PUSH_BYTES, withinBytes } from './limits';
import {
	RemoteError,
	type OutboxEntry,
	type PushAnswer,
	type PushResult,
	type RemoteGateway,
	type SyncStore
} from './ports';

export interface SyncReport {
	pushed: number;
	rejected: number;
	pulled: number;
}

export interface SyncOptions {
	/** Mutations per push (the server takes up to 100). */
	batchSize?: number;
	/** Bytes per push (the server takes up to 2,000,000): a batch is cut to fit. */
	batchBytes?: number;
	/** Rows per pull page. */
	pageSize?: number;
}

/**
 * One round of sync: push everything waiting (in order, in batches), then pull everything new.
 * Transport problems surface as RemoteError for the caller to retry; nothing is acknowledged
 * unless the server answered for it, so a lost response only means the same batch again, which
 * the server's ledger turns into duplicates.
 *
 * Every push says which erasure ("Delete all my data") the device last heard of. If the user has
 * erased their data since, the server applies nothing and answers "erased": the device clears its
 * copy, waiting changes included (they were made before it heard), and pulls from the start. So a
 * batch sent again after an erasure can never bring erased rows back.
 */
export class SyncEngine {
	private readonly batchSize: number;
	private readonly batchBytes: number;
	private readonly pageSize: number;

	constructor(
		private readonly store: SyncStore,
		private readonly remote: RemoteGateway,
		options: SyncOptions = {}
	) {
		this.batchSize = options.batchSize ?? 100;
		this.batchBytes = options.batchBytes ?? PUSH_BYTES;
		this.pageSize = options.pageSize ?? 500;
	}

	async sync(): Promise<SyncReport> {
		const report: SyncReport = { pushed: 0, rejected: 0, pulled: 0 };
		// A device that never pulled learns first where things stand (an erasure made before it
		// pulled is no news to it: the first page clears nothing), so its first push names it.
		if ((await this.store.seenErasure()) === undefined) await this.pull(report);
		try {
			await this.push(report);
		} catch (error) {
			// At a shared limit the device still hears what its other devices synced; its own
			// changes wait in the outbox, untouched.
			if (!(error instanceof RemoteError) || error.kind !== 'quota') throw error;
			await this.pull(report);
			throw error;
		}
		await this.pull(report);
		return report;
	}

	/** Calls the server once, refreshing the session and retrying once after a 401. */
	private async withSession<T>(call: () => Promise<T>): Promise<T> {
		try {
			return await call();
		} catch (error) {
			if (!(error instanceof RemoteError) || error.kind !== 'unauthorized') throw error;
			if (!(await this.remote.refreshSession())) throw error;
			return call();
		}
	}

	private async push(report: SyncReport): Promise<void> {
		const clientId = await this.store.clientId();
		const seenErasure = (await this.store.seenErasure()) ?? null;
		let size = this.batchSize;
		for (;;) {
			const batch = withinBytes(await this.store.outbox(size), this.batchBytes);
			if (!batch.length) return;
			let answer: PushAnswer;
			try {
				answer = await this.withSession(() => this.remote.push(clientId, batch, seenErasure));
			} catch (error) {
				if (!(error instanceof RemoteError) || error.kind !== 'refused') throw error;
				// The request itself was refused (too large, malformed): halve the batch until the
				// change the server will not take is alone, then keep it, with the reason, for the
				// person to retry or discard; the rest goes on (its mids are renumbered after the gap).
				if (batch.length > 1) {
					size = Math.ceil(batch.length / 2);
					continue;
				}
				const [entry] = batch as [OutboxEntry];
				await this.store.acknowledge([
					{ entry, result: { mid: entry.mid, status: 'rejected', reason: error.message } }
				]);
				report.rejected++;
				continue;
			}
			if (answer.erased) {
				// Nothing was applied. The outbox goes with the copy; the pull that follows starts at 0.
				await this.store.clearForErasure(answer.erased_at ?? null);
				return;
			}
			const byMid = new Map(answer.results.filter((r) => r.mid !== null).map((r) => [r.mid, r]));
			const outcomes: { entry: OutboxEntry; result: PushResult }[] = [];
			// Where the server stopped and said to start again: a mid went missing ('gap'), or this
			// mid was used before for another change ('reused', so this one was never applied).
			let gap: PushResult | undefined;
			for (const entry of batch) {
				const result = byMid.get(entry.mid);
				if (!result) break;
				if (result.status === 'gap' || result.status === 'reused') {
					gap = result;
					break;
				}
				outcomes.push({ entry, result });
				const final = result.status === 'duplicate' ? result.original : result;
				if (final?.status === 'rejected') report.rejected++;
				else report.pushed++;
			}
			if (outcomes.length) await this.store.acknowledge(outcomes);
			if (gap?.expected) {
				if (gap.status === 'reused')
					console.warn(`Sync: ${gap.reason ?? `mid ${gap.mid} was used before`}; renumbering from ${gap.expected}.`);
				await this.store.renumber(gap.expected);
				continue;
			}
			if (outcomes.length < batch.length) {
				// The server stopped early without saying why: never loop on the same batch forever.
				throw new RemoteError('refused', `The server handled ${outcomes.length} of ${batch.length} changes.`);
			}
		}
	}

	private async pull(report: SyncReport): Promise<void> {
		for (;;) {
			const since = await this.store.cursor();
			const page = await this.withSession(() => this.remote.pull(since, this.pageSize));
			// The user deleted all their data on another device: this copy was cleared; pull again
			// from the start (whatever reached the server since is all there is).
			if ((await this.store.applyPage(page)) === 'restart') continue;
			report.pulled += page.rows.length;
			if (!page.has_more) return;
		}
	}
}
