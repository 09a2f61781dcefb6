import 'fake-indexeddb/auto';
import { beforeEach, describe, expect, it } from 'vitest';
import {
	clearPendingSubscription,
	keepPendingSubscription,
	readPendingSubscription,
	reportPendingSubscription,
	type PendingSubscription
} from '$lib/adapters/notifications/push-pending';

const renewed = (endpoint: string, replaces: string | null = null): PendingSubscription => ({
	subscription: { endpoint, expirationTime: null, keys: { p256dh: 'p', auth: 'a' } },
	replaces
});

beforeEach(() => clearPendingSubscription());

describe('reportPendingSubscription', () => {
	it('sends a renewed subscription once, then forgets it', async () => {
		await keepPendingSubscription(renewed('https://push.example/new', 'https://push.example/old'));
		const sent: PendingSubscription[] = [];
		expect(await reportPendingSubscription(async (p) => void sent.push(p))).toBe(true);
		expect(sent).toEqual([renewed('https://push.example/new', 'https://push.example/old')]);
		expect(await readPendingSubscription()).toBeNull();
		expect(await reportPendingSubscription(async (p) => void sent.push(p))).toBe(false);
		expect(sent).toHaveLength(1);
	});

	it('keeps it when the server could not be told, for the next try', async () => {
		await keepPendingSubscription(renewed('https://push.example/new'));
		await expect(reportPendingSubscription(() => Promise.reject(new Error('offline')))).rejects.toThrow('offline');
		expect(await readPendingSubscription()).toEqual(renewed('https://push.example/new'));
	});

	it('a renewal that lands while the report is under way is kept for the next report', async () => {
		await keepPendingSubscription(renewed('https://push.example/a', 'https://push.example/old'));
		await reportPendingSubscription(() =>
			keepPendingSubscription(renewed('https://push.example/b', 'https://push.example/a'))
		);
		expect(await readPendingSubscription()).toEqual(renewed('https://push.example/b', 'https://push.example/old'));
	});
});
