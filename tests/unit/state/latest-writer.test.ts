import { describe, expect, it } from 'vitest';
import { LatestWriter } from '$lib/state/latest-writer';

/** A write whose completion the test controls. */
function controlledWrites() {
	const calls: { value: string; finish: (ok?: boolean) => void }[] = [];
	const write = (value: string) =>
		new Promise<void>((resolve, reject) =>
			calls.push({ value, finish: (ok = true) => (ok ? resolve() : reject(new Error('disk full'))) })
		);
	return { calls, write };
}

const settle = () => new Promise((r) => setTimeout(r, 0));

describe('LatestWriter', () => {
	it('writes one value at a time and only the newest of those that waited', async () => {
		const { calls, write } = controlledWrites();
		const writer = new LatestWriter(write);
		writer.save('a');
		writer.save('ab');
		writer.save('abc');
		expect(calls.map((c) => c.value)).toEqual(['a']);
		calls[0]!.finish();
		await settle();
		expect(calls.map((c) => c.value)).toEqual(['a', 'abc']);
		calls[1]!.finish();
		await writer.flush();
		expect(calls).toHaveLength(2);
	});

	it('reports failures and keeps writing later values', async () => {
		const { calls, write } = controlledWrites();
		const results: [boolean, boolean][] = [];
		const writer = new LatestWriter(write, (ok, idle) => results.push([ok, idle]));
		writer.save('a');
		calls[0]!.finish(false);
		await settle();
		writer.save('b');
		calls[1]!.finish();
		await writer.flush();
		expect(results).toEqual([
			[false, true],
			[true, true]
		]);
	});

	it('ignores saves after close, once pending writes are done', async () => {
		const { calls, write } = controlledWrites();
		const writer = new LatestWriter(write);
		writer.save('a');
		const closing = writer.close();
		calls[0]!.finish();
		await closing;
		writer.save('late');
		await writer.flush();
		expect(calls.map((c) => c.value)).toEqual(['a']);
	});
});

describe('LatestWriter reopen', () => {
	it('accepts saves again after reopen', async () => {
		const { calls, write } = controlledWrites();
		const writer = new LatestWriter(write);
		await writer.close();
		writer.save('ignored');
		writer.reopen();
		writer.save('kept');
		calls[0]!.finish();
		await writer.flush();
		expect(calls.map((c) => c.value)).toEqual(['kept']);
	});
});
