// "Have we met before?" is asked again as the person's details are typed; a slow early answer must
// not replace the answer to what is on the screen now. Each answer is a promise settled by hand, and
// the delay is a timer the test fires.
import { describe, expect, it } from 'vitest';
import { NewestAnswer, type Timers } from '$lib/state/newest-answer';

function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

const settled = async () => {
	for (let i = 0; i < 10; i++) await Promise.resolve();
};

/** Timers fired by hand: `fire()` runs every one still set. */
function handTimers() {
	const set = new Map<number, () => void>();
	let next = 0;
	const timers: Timers = {
		set: (callback) => (set.set(++next, callback), next),
		clear: (handle) => void set.delete(handle as number)
	};
	const fire = () => {
		const due = [...set.values()];
		set.clear();
		due.forEach((run) => run());
	};
	return { timers, fire, count: () => set.size };
}

function harness() {
	const { timers, fire, count } = handTimers();
	const asked = new Map<string, ReturnType<typeof deferred<string | null>>>();
	const answers: (string | null)[] = [];
	const lookup = new NewestAnswer<string, string | null>(
		(email) => {
			const answer = deferred<string | null>();
			asked.set(email, answer);
			return answer.promise;
		},
		(person) => answers.push(person),
		150,
		timers
	);
	return { lookup, asked, answers, fire, count };
}

describe('NewestAnswer', () => {
	it('asks once the typing pauses, and hands on the answer', async () => {
		const { lookup, asked, answers, fire } = harness();
		lookup.schedule('a@x.example');
		expect(asked.size).toBe(0);
		fire();
		asked.get('a@x.example')!.resolve('Ada');
		await settled();
		expect(answers).toEqual(['Ada']);
	});

	it('a change before the pause asks only about the newest details', () => {
		const { lookup, asked, fire, count } = harness();
		const cancel = lookup.schedule('a@');
		cancel();
		lookup.schedule('a@x.example');
		expect(count()).toBe(1);
		fire();
		expect([...asked.keys()]).toEqual(['a@x.example']);
	});

	it('an earlier lookup answering after a newer one is dropped (the newer one stands)', async () => {
		const { lookup, asked, answers, fire } = harness();
		const cancelFirst = lookup.schedule('ada@x.example');
		fire();
		// The email changes while the first lookup is still under way.
		cancelFirst();
		lookup.schedule('bob@x.example');
		fire();
		asked.get('bob@x.example')!.resolve('Bob');
		await settled();
		asked.get('ada@x.example')!.resolve('Ada');
		await settled();
		expect(answers).toEqual(['Bob']);
	});

	it('a lookup that fails hands on nothing, and a cancelled one that fails later neither', async () => {
		const { lookup, asked, answers, fire } = harness();
		const cancel = lookup.schedule('a@x.example');
		fire();
		cancel();
		asked.get('a@x.example')!.reject(new Error('storage unreadable'));
		await settled();
		expect(answers).toEqual([]);
	});
});
