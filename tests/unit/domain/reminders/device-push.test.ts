import { describe, expect, it } from 'vitest';
import { turnOffPush, turnOnPush, type DeviceSubscription, type PushPorts } from '$lib/domain/reminders/device-push';

const SUB: DeviceSubscription = {
	endpoint: 'https://push.example/abc',
	json: { endpoint: 'https://push.example/abc' }
};

/** A promise the test settles by hand. */
function deferred<T = void>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((yes, no) => ((resolve = yes), (reject = no)));
	return { promise, resolve, reject };
}

function fakePorts(overrides: Partial<PushPorts> = {}) {
	const calls: string[] = [];
	let subscribed: DeviceSubscription | null = null;
	const ports: PushPorts = {
		requestPermission: async () => 'granted',
		current: async () => subscribed,
		subscribe: async () => {
			calls.push('subscribe');
			return (subscribed = SUB);
		},
		unsubscribe: async () => {
			calls.push('unsubscribe');
			subscribed = null;
		},
		save: async (sub, zone) => void calls.push(`save ${sub.endpoint} ${zone}`),
		forget: async (endpoint) => void calls.push(`forget ${endpoint}`),
		...overrides
	};
	return {
		ports,
		calls,
		isSubscribed: () => subscribed !== null,
		setSubscribed: (s: DeviceSubscription | null) => (subscribed = s)
	};
}

describe('turnOnPush', () => {
	it('subscribes and tells the server, with the time zone', async () => {
		const { ports, calls, isSubscribed } = fakePorts();
		expect(await turnOnPush(ports, 'Europe/Berlin', new AbortController().signal)).toEqual({ ok: true });
		expect(calls).toEqual(['subscribe', 'save https://push.example/abc Europe/Berlin']);
		expect(isSubscribed()).toBe(true);
	});

	it('asks nothing more when permission is refused or the question closed', async () => {
		for (const answer of ['denied', 'default'] as const) {
			const { ports, calls } = fakePorts({ requestPermission: async () => answer });
			const outcome = await turnOnPush(ports, 'UTC', new AbortController().signal);
			expect(outcome).toMatchObject({ ok: false, reason: answer === 'denied' ? 'denied' : 'dismissed' });
			expect(calls).toEqual([]);
		}
	});

	it('a server that fails leaves the device unsubscribed, as it was', async () => {
		const { ports, calls, isSubscribed } = fakePorts({ save: () => Promise.reject(new Error('offline')) });
		const outcome = await turnOnPush(ports, 'UTC', new AbortController().signal);
		expect(outcome).toMatchObject({ ok: false, reason: 'server-failed' });
		expect(calls).toEqual(['subscribe', 'unsubscribe']);
		expect(isSubscribed()).toBe(false);
	});

	it('keeps a subscription the device already had when the server fails', async () => {
		const { ports, calls, setSubscribed, isSubscribed } = fakePorts({ save: () => Promise.reject(new Error('500')) });
		setSubscribed(SUB);
		await turnOnPush(ports, 'UTC', new AbortController().signal);
		expect(calls).toEqual([]);
		expect(isSubscribed()).toBe(true);
	});

	it('abandoned while the server is asked: the request is aborted and the new subscription undone', async () => {
		const answer = deferred();
		let seen: AbortSignal | null = null;
		const { ports, calls, isSubscribed } = fakePorts({
			save: (_, __, signal) => {
				seen = signal;
				signal.addEventListener('abort', () => answer.reject(new DOMException('Aborted', 'AbortError')));
				return answer.promise;
			}
		});
		const controller = new AbortController();
		const outcome = turnOnPush(ports, 'UTC', controller.signal);
		await expect.poll(() => seen).not.toBeNull();
		controller.abort();
		expect(await outcome).toMatchObject({ ok: false, reason: 'aborted' });
		expect(calls).toEqual(['subscribe', 'unsubscribe']);
		expect(isSubscribed()).toBe(false);
	});

	it('abandoned while the push service is asked: nothing reaches the server', async () => {
		const subscribing = deferred<DeviceSubscription>();
		const { ports, calls } = fakePorts({
			subscribe: () => {
				calls.push('subscribe');
				return subscribing.promise;
			},
			unsubscribe: async () => void calls.push('unsubscribe')
		});
		const controller = new AbortController();
		const outcome = turnOnPush(ports, 'UTC', controller.signal);
		await expect.poll(() => calls.length).toBe(1);
		controller.abort();
		subscribing.resolve(SUB);
		expect(await outcome).toMatchObject({ ok: false, reason: 'aborted' });
		expect(calls).toEqual(['subscribe', 'unsubscribe']);
	});

	it('a push service that fails says so', async () => {
		const { ports } = fakePorts({
			subscribe: () => Promise.reject(new DOMException('push service error', 'AbortError'))
		});
		expect(await turnOnPush(ports, 'UTC', new AbortController().signal)).toMatchObject({
			ok: false,
			reason: 'subscribe-failed'
		});
	});
});

describe('turnOffPush', () => {
	it('stops listening, then has the server forget the device', async () => {
		const { ports, calls, setSubscribed } = fakePorts();
		setSubscribed(SUB);
		expect(await turnOffPush(ports, new AbortController().signal)).toBe('off');
		expect(calls).toEqual(['unsubscribe', 'forget https://push.example/abc']);
	});

	it('offline it is still off here, and says the server was not told', async () => {
		const { ports, isSubscribed, setSubscribed } = fakePorts({ forget: () => Promise.reject(new Error('offline')) });
		setSubscribed(SUB);
		expect(await turnOffPush(ports, new AbortController().signal)).toBe('off-locally');
		expect(isSubscribed()).toBe(false);
	});

	it('abandoned before it started changes nothing', async () => {
		const { ports, calls, setSubscribed } = fakePorts();
		setSubscribed(SUB);
		const controller = new AbortController();
		controller.abort();
		expect(await turnOffPush(ports, controller.signal)).toBe('aborted');
		expect(calls).toEqual([]);
	});
});
