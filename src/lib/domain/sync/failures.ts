import type { OutboxEntry } from './ports';

export interface RefusedChange {
	key?: number;
	entry: OutboxEntry;
}

// Parents before children: a change to a row is sent after the changes to the rows it refers to.
const RANK: Record<string, number> = { events: 0, people: 1, encounters: 2, follow_ups: 3, promises: 4 };

/** The ids a change's fields refer to (a conversation's person, a follow-up's conversation…). */
function references(failure: RefusedChange): string[] {
	return Object.values(failure.entry.fields).filter((value): value is string => typeof value === 'string');
}

function closure(failures: readonly RefusedChange[], key: number, next: (f: RefusedChange) => RefusedChange[]) {
	const chosen = new Map<number, RefusedChange>();
	const visit = (failure: RefusedChange) => {
		if (failure.key === undefined || chosen.has(failure.key)) return;
		chosen.set(failure.key, failure);
		next(failure).forEach(visit);
	};
	const start = failures.find((f) => f.key === key);
	if (start) visit(start);
	return [...chosen.values()];
}

const sameRow = (a: RefusedChange, b: RefusedChange) => a.entry.table === b.entry.table && a.entry.id === b.entry.id;

/** Keys in the order to send them: parent tables first, then each row's changes in the order kept. */
function sendingOrder(chosen: RefusedChange[]): number[] {
	return chosen
		.sort((a, b) => (RANK[a.entry.table] ?? 9) - (RANK[b.entry.table] ?? 9) || a.key! - b.key!)
		.map((f) => f.key!);
}

/**
 * The refused changes to send again when the person retries one: that one, every refused change
 * to the same row, and every refused change to a row it refers to (a conversation's person…), and
 * theirs — parents first. Sent alone, a follow-up whose person the server never took, or an edit of
 * a row whose creation was refused, would only be refused again.
 */
export function retryOrder(failures: readonly RefusedChange[], key: number): number[] {
	return sendingOrder(
		closure(failures, key, (failure) => {
			const refs = new Set(references(failure));
			return failures.filter((other) => sameRow(other, failure) || refs.has(other.entry.id));
		})
	);
}

/**
 * The refused changes to give up when the person discards one: that one, every refused change to
 * the same row, and every refused change to a row that refers to it (the conversation of a
 * discarded person, that conversation's follow-up…). Kept, they could only ever be refused again.
 */
export function discardOrder(failures: readonly RefusedChange[], key: number): number[] {
	return sendingOrder(
		closure(failures, key, (failure) =>
			failures.filter((other) => sameRow(other, failure) || references(other).includes(failure.entry.id))
		)
	);
}
