import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import {
	type AppClients,
	type AppWindow,
	openFromNotification,
	renewSubscription,
	showPushMessage,
	vapidKeyBytes
} from '$lib/adapters/notifications/push-events';
import { clearPendingSubscription, readPendingSubscription } from '$lib/adapters/notifications/push-pending';

const ORIGIN = 'https://app.example';

function fakeRegistration() {
	const shown: { title: string; options: NotificationOptions }[] = [];
	const subscribed: PushSubscriptionOptionsInit[] = [];
	const registration = {
		showNotification: async (title: string, options: NotificationOptions) => void shown.push({ title, options }),
		pushManager: {
			subscribe: async (options: PushSubscriptionOptionsInit) => {
				subscribed.push(options);
				return subscription('https://push.example/new');
			}
		}
	} as unknown as ServiceWorkerRegistration;
	return { registration, shown, subscribed };
}

function subscription(endpoint: string, key = new Uint8Array([4, 1, 2])): PushSubscription {
	return {
		endpoint,
		options: { applicationServerKey: key.buffer, userVisibleOnly: true },
		toJSON: () => ({ endpoint, expirationTime: null, keys: { p256dh: 'p', auth: 'a' } })
	} as unknown as PushSubscription;
}

function fakeWindow(url: string, { controlled = true, focused = false } = {}) {
	const calls: string[] = [];
	const client = {
		url,
		focused,
		navigate: async (to: string) => {
			calls.push(`navigate ${to}`);
			if (!controlled) throw new TypeError('not controlled');
			return client;
		},
		focus: async () => {
			calls.push('focus');
			return client;
		},
		postMessage: (message: unknown) => calls.push(`message ${JSON.stringify(message)}`)
	};
	return { client: client as unknown as AppWindow, calls };
}

function fakeClients(windows: AppWindow[]) {
	const opened: string[] = [];
	const clients = {
		matchAll: async () => windows,
		openWindow: async (url: string) => {
			opened.push(url);
			return null;
		}
	} as unknown as AppClients;
	return { clients, opened };
}

describe('showPushMessage', () => {
	it('shows the message and sets the badge to its open count', async () => {
		const { registration, shown } = fakeRegistration();
		const badges: number[] = [];
		const navigator = { setAppBadge: async (n?: number) => void badges.push(n ?? -1) };
		const text = JSON.stringify({
			web_push: 8030,
			notification: { title: 'Follow up with Priya Raman', body: 'Kafka deck', navigate: '/follow-ups', tag: 'r:1' },
			app_badge: 4
		});
		await showPushMessage(registration, navigator, text, ORIGIN);
		expect(shown).toEqual([
			{
				title: 'Follow up with Priya Raman',
				options: {
					body: 'Kafka deck',
					tag: 'r:1',
					dir: 'auto',
					data: { url: '/follow-ups' },
					icon: '/pwa-192x192.png'
				}
			}
		]);
		expect(badges).toEqual([4]);
	});

	it('shows the generic notification for an empty push, and a badge of 0 clears the icon', async () => {
		const { registration, shown } = fakeRegistration();
		const calls: string[] = [];
		const navigator = {
			setAppBadge: async () => void calls.push('set'),
			clearAppBadge: async () => void calls.push('clear')
		};
		await showPushMessage(registration, navigator, null, ORIGIN);
		expect(shown.map((s) => s.title)).toEqual(['Follow-ups are due']);
		expect(calls).toEqual([]);
		const zero = JSON.stringify({
			web_push: 8030,
			notification: { title: 'x', navigate: '/follow-ups' },
			app_badge: 0
		});
		await showPushMessage(registration, navigator, zero, ORIGIN);
		expect(calls).toEqual(['clear']);
	});

	it('a browser without the Badging API, or refusing it, still shows the notification', async () => {
		const { registration, shown } = fakeRegistration();
		const text = JSON.stringify({ web_push: 8030, notification: { title: 'x', navigate: '/' }, app_badge: 2 });
		await showPushMessage(registration, {}, text, ORIGIN);
		await showPushMessage(registration, { setAppBadge: () => Promise.reject(new Error('no')) }, text, ORIGIN);
		expect(shown).toHaveLength(2);
	});
});

describe('openFromNotification', () => {
	it('moves the focused window of the app to the address and focuses it', async () => {
		const other = fakeWindow('https://elsewhere.example/', { focused: true });
		const background = fakeWindow(`${ORIGIN}/people`);
		const focused = fakeWindow(`${ORIGIN}/settings`, { focused: true });
		const { clients, opened } = fakeClients([other.client, background.client, focused.client]);
		await openFromNotification(clients, { url: '/follow-ups/abc' }, ORIGIN);
		expect(focused.calls).toEqual([`navigate ${ORIGIN}/follow-ups/abc`, 'focus']);
		expect(background.calls).toEqual([]);
		expect(other.calls).toEqual([]);
		expect(opened).toEqual([]);
	});

	it('opens a new window when none is open or the open one is not controlled, and never another site', async () => {
		const none = fakeClients([]);
		await openFromNotification(none.clients, { url: 'https://evil.example/' }, ORIGIN);
		expect(none.opened).toEqual([`${ORIGIN}/follow-ups`]);
		const uncontrolled = fakeWindow(`${ORIGIN}/`, { controlled: false });
		const some = fakeClients([uncontrolled.client]);
		await openFromNotification(some.clients, null, ORIGIN);
		expect(some.opened).toEqual([`${ORIGIN}/follow-ups`]);
	});
});

describe('renewSubscription', () => {
	const key = 'BEl62iUYgUivxIkv69yViEuiBIa-Ib9-SkvMeAtA3LFgDzkrxZJjSgSnfckjBJuBkr3qBUYIHBQFLXYp5Nksh8U';

	it('subscribes again with the old key and keeps the new subscription for the app, replacing the old endpoint', async () => {
		await clearPendingSubscription();
		const { registration, subscribed } = fakeRegistration();
		const open = fakeWindow(`${ORIGIN}/`);
		const { clients } = fakeClients([open.client]);
		const old = subscription('https://push.example/old', new Uint8Array([4, 9, 9]));
		await renewSubscription(registration, clients, { oldSubscription: old, newSubscription: null }, key);
		expect(subscribed).toEqual([{ userVisibleOnly: true, applicationServerKey: old.options.applicationServerKey }]);
		expect(await readPendingSubscription()).toEqual({
			subscription: { endpoint: 'https://push.example/new', expirationTime: null, keys: { p256dh: 'p', auth: 'a' } },
			replaces: 'https://push.example/old'
		});
		expect(open.calls).toEqual(['message {"type":"PUSH_SUBSCRIPTION_CHANGED"}']);

		// Replaced again before the app opened: the server still has the first endpoint to forget.
		await renewSubscription(
			registration,
			clients,
			{
				oldSubscription: subscription('https://push.example/new'),
				newSubscription: subscription('https://push.example/newer')
			},
			key
		);
		expect(subscribed).toHaveLength(1);
		expect(await readPendingSubscription()).toMatchObject({
			subscription: { endpoint: 'https://push.example/newer' },
			replaces: 'https://push.example/old'
		});
	});

	it('without an old subscription uses the configured key; without any key does nothing', async () => {
		await clearPendingSubscription();
		const { registration, subscribed } = fakeRegistration();
		const { clients } = fakeClients([]);
		await renewSubscription(registration, clients, { oldSubscription: null, newSubscription: null }, null);
		expect(subscribed).toEqual([]);
		expect(await readPendingSubscription()).toBeNull();
		await renewSubscription(registration, clients, { oldSubscription: null, newSubscription: null }, key);
		expect([...(subscribed[0]!.applicationServerKey as Uint8Array)]).toEqual([...vapidKeyBytes(key)]);
		expect(vapidKeyBytes(key)).toHaveLength(65);
		expect((await readPendingSubscription())?.replaces).toBeNull();
	});
});
