import { describe, expect, it } from 'vitest';
import { changeBytes, PUSH_BYTES, quotaProblem, withinBytes } from '$lib/domain/sync/limits';
import { QuotaError, type OutboxEntry } from '$lib/domain/sync/ports';

const note = (mid: number, length: number): OutboxEntry => ({
	mid,
	table: 'encounters',
	id: `e${mid}`,
	op: 'create',
	fields: { note: 'é'.repeat(length) },
	baseSeq: null
});

describe('withinBytes', () => {
	it('cuts a batch to the push budget, counting UTF-8 bytes', () => {
		// 20,000 "é" are 40,000 bytes: 24 such notes fit in 1,000,000 bytes, 25 do not.
		const batch = Array.from({ length: 100 }, (_, i) => note(i + 1, 20_000));
		expect(changeBytes(batch[0]!)).toBeGreaterThan(40_000);
		const fitted = withinBytes(batch);
		expect(fitted.map((e) => e.mid)).toEqual(Array.from({ length: 24 }, (_, i) => i + 1));
		expect(JSON.stringify(fitted).length).toBeLessThanOrEqual(PUSH_BYTES);
	});

	it('always sends at least one change, however large', () => {
		expect(withinBytes([note(1, 600_000), note(2, 1)]).map((e) => e.mid)).toEqual([1]);
		expect(withinBytes([])).toEqual([]);
	});
});

describe('quotaProblem', () => {
	it('says which limit, that nothing is lost, and when sync goes on', () => {
		expect(quotaProblem(new QuotaError('bytes-per-day', null, 'This account has synced …'))).toBe(
			'This account has sent the server as much as it may in one day. Your changes are kept on this device. Sync goes on after midnight (UTC).'
		);
		expect(quotaProblem(new QuotaError('rows', 'people', 'This account holds the most people …'))).toBe(
			"This account holds as many people as the server keeps for one person, so new ones can't sync. Your changes are kept on this device."
		);
		expect(quotaProblem(new QuotaError('rows', 'encounters', ''))).toContain('as many conversations');
		expect(quotaProblem(new QuotaError('rows', '__proto__', ''))).toContain('as many rows');
	});
});
