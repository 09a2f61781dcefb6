import { describe, expect, it } from 'vitest';
import { discardOrder, retryOrder, type RefusedChange } from '$lib/domain/sync/failures';

const change = (key: number, table: string, id: string, fields: Record<string, unknown> = {}): RefusedChange => ({
	key,
	entry: { mid: key, table: table as RefusedChange['entry']['table'], id, op: 'create', fields, baseSeq: null }
});

describe('retryOrder', () => {
	const failures = [
		change(1, 'people', 'p1', { name: 'Ada' }),
		change(2, 'encounters', 'e1', { person_id: 'p1', note: 'Engines' }),
		change(3, 'follow_ups', 'f1', { person_id: 'p1', encounter_id: 'e1' }),
		change(4, 'people', 'p2', { name: 'Grace' }),
		change(5, 'people', 'p1', { title: 'Countess' })
	];

	it('sends a follow-up with its refused conversation and person (all her changes), parents first', () => {
		expect(retryOrder(failures, 3)).toEqual([1, 5, 2, 3]);
	});

	it('sends a person with her own changes only, and an unrelated one alone', () => {
		expect(retryOrder(failures, 1)).toEqual([1, 5]);
		expect(retryOrder(failures, 4)).toEqual([4]);
	});

	it('takes every refused change of the rows referred to, and of the same row', () => {
		// Ada's later edit (5) goes with her creation (1): the server needs both.
		expect(retryOrder(failures, 2)).toEqual([1, 5, 2]);
		expect(retryOrder(failures, 5)).toEqual([1, 5]);
	});

	it('sends parents first, whatever order the changes were refused in', () => {
		// The person was retried alone once and refused again: she now has the newest key.
		const again = [
			change(2, 'encounters', 'e1', { person_id: 'p1', note: 'Engines' }),
			change(3, 'follow_ups', 'f1', { person_id: 'p1', encounter_id: 'e1' }),
			change(7, 'people', 'p1', { name: 'Ada' })
		];
		expect(retryOrder(again, 3)).toEqual([7, 2, 3]);
		expect(discardOrder(again, 7)).toEqual([7, 2, 3]);
	});

	it('is empty for a key that is gone', () => {
		expect(retryOrder(failures, 99)).toEqual([]);
	});
});

describe('discardOrder', () => {
	const failures = [
		change(1, 'people', 'p1', { name: 'Ada' }),
		change(2, 'encounters', 'e1', { person_id: 'p1', note: 'Engines' }),
		change(3, 'follow_ups', 'f1', { person_id: 'p1', encounter_id: 'e1' }),
		change(4, 'people', 'p2', { name: 'Grace' })
	];

	it('gives up a person with the refused conversation and follow-up that need them, and her other changes', () => {
		expect(discardOrder(failures, 1)).toEqual([1, 2, 3]);
		expect(discardOrder([...failures, change(5, 'people', 'p1', { title: 'Countess' })], 1)).toEqual([1, 5, 2, 3]);
	});

	it('gives up a conversation with its follow-up, and leaves the person', () => {
		expect(discardOrder(failures, 2)).toEqual([2, 3]);
	});

	it('gives up an unrelated change alone', () => {
		expect(discardOrder(failures, 4)).toEqual([4]);
		expect(discardOrder(failures, 99)).toEqual([]);
	});
});
