import type { OutboxEntry } from './ports';

export interface RefusedChange {
	key?: number;
	entry: OutboxEntry;
}

/**
 * The refused changes to send again when the person retries one: that one, plus every refused
 * change to a row it refers to (a conversation's person, a follow-up's conversation…), and theirs,
 * oldest first. Sent alone, a follow-up whose person the server never took would only be refused
 * again.
 */
export function retryOrder(failures: readonly RefusedChange[], key: number): number[] {
	const byRow = new Map<string, RefusedChange[]>();
	for (const failure of failures) {
		const list = byRow.get(failure.entry.id) ?? [];
		list.push(failure);
		byRow.set(failure.entry.id, list);
	}
	const chosen = new Set<number>();
	const visit = (failure: RefusedChange) => {
		if (failure.key === undefined || chosen.has(failure.key)) return;
		chosen.add(failure.key);
		for (const value of Object.values(failure.entry.fields)) {
			if (typeof value !== 'string') continue;
			for (const parent of byRow.get(value) ?? []) if (parent.key! < failure.key) visit(parent);
		}
	};
	const start = failures.find((f) => f.key === key);
	if (start) visit(start);
	return [...chosen].sort((a, b) => a - b);
}

/**
 * The refused changes to give up when the person discards one: that one, plus every later refused
 * change to a row that refers to its row (the conversation of a discarded person, that
 * conversation's follow-up…), and theirs. Kept, they could only ever be refused again.
 */
export function discardOrder(failures: readonly RefusedChange[], key: number): number[] {
	const chosen = new Set<number>();
	const visit = (failure: RefusedChange) => {
		if (failure.key === undefined || chosen.has(failure.key)) return;
		chosen.add(failure.key);
		for (const other of failures) {
			if (other.key === undefined || other.key <= failure.key) continue;
			if (Object.values(other.entry.fields).includes(failure.entry.id)) visit(other);
		}
	};
	const start = failures.find((f) => f.key === key);
	if (start) visit(start);
	return [...chosen].sort((a, b) => a - b);
}
