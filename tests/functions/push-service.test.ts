// The local push service is only worth testing against if it refuses what a real one refuses: a
// body encrypted for other keys, a VAPID JWT signed by another key, for another origin, expired or
// too far ahead. Each malformed message must fail; a well-formed one is delivered and decrypted.
import assert from 'node:assert/strict';
import webpush from 'npm:web-push@3.6.7';
// @ts-types="../support/push-service.d.mts"
import { startPushService } from '../support/push-service.mjs';
import { certificate, vapidKeys } from './harness.ts';

const keys = vapidKeys();
const vapidDetails = { subject: 'mailto:reminders@example.com', ...keys };

async function statusOf(promise: Promise<unknown>): Promise<number> {
	try {
		return ((await promise) as { statusCode: number }).statusCode;
	} catch (error) {
		return (error as { statusCode?: number }).statusCode ?? -1;
	}
}

Deno.test('the push service delivers a well-formed message and refuses every malformed one', async () => {
	const service = await startPushService({ certificate });
	try {
		const subscription = service.subscribe({ label: 'a', applicationServerKey: keys.publicKey });
		const send = (sub: typeof subscription, options: Record<string, unknown> = {}) =>
			statusOf(webpush.sendNotification(sub, '{"hello":"Priya"}', { vapidDetails, TTL: 60, ...options }));

		assert.deepEqual(await send(subscription, { topic: 'abc', urgency: 'high' }), 201);
		assert.deepEqual(service.delivered.length, 1);
		assert.deepEqual(service.delivered[0]!.json, { hello: 'Priya' });
		assert.deepEqual(service.delivered[0]!.topic, 'abc');

		// Encrypted for another device's keys: the body does not decrypt.
		const other = service.subscribe({ applicationServerKey: keys.publicKey });
		const wrongKeys = { ...subscription, keys: other.keys };
		assert.deepEqual(await send(wrongKeys), 400);
		// Signed by another VAPID key than the subscription was made with.
		const stranger = { vapidDetails: { ...vapidDetails, ...vapidKeys() } };
		assert.deepEqual(await send(subscription, stranger), 403);
		// A JWT for another audience, already expired, or more than 24 h ahead.
		const jwtHeaders = (aud: string, exp: number) =>
			webpush.getVapidHeaders(aud, vapidDetails.subject, keys.publicKey, keys.privateKey, 'aes128gcm', exp);
		const now = Math.floor(Date.now() / 1000);
		for (const [aud, exp] of [
			['https://push.example.net', now + 3600],
			[service.origin, now - 60]
		] as const) {
			const headers = { Authorization: jwtHeaders(aud, exp).Authorization };
			assert.deepEqual(await statusOf(webpush.sendNotification(subscription, 'x', { headers, TTL: 60 })), 403);
		}
		const farService = await startPushService({ certificate, now: () => Date.now() - 2 * 24 * 3600 * 1000 });
		try {
			const far = farService.subscribe({ applicationServerKey: keys.publicKey });
			assert.deepEqual(await send(far), 403);
			assert.match(farService.rejected[0]!.reason, /24 h/);
		} finally {
			await farService.stop();
		}
		// No VAPID at all.
		assert.deepEqual(await statusOf(webpush.sendNotification(subscription, 'x', { TTL: 60 })), 403);

		assert.deepEqual(service.delivered.length, 1, 'nothing malformed was delivered');
		const reasons = service.rejected.map((r) => r.reason);
		assert.deepEqual(reasons.length, 5);
		assert.match(reasons[0]!, /does not decrypt/);
		assert.match(reasons[1]!, /application server key/);
		assert.match(reasons[2]!, /aud/);
		assert.match(reasons[3]!, /expired/);
		assert.match(reasons[4]!, /no vapid/);
	} finally {
		await service.stop();
	}
});

Deno.test('the push service answers as told: 404, 410, 429, 500, or never', async () => {
	const service = await startPushService({ certificate });
	try {
		const subscription = service.subscribe({ applicationServerKey: keys.publicKey });
		service.answer(subscription.endpoint, [410, 404, 429, 500]);
		const send = () => statusOf(webpush.sendNotification(subscription, 'x', { vapidDetails, TTL: 60 }));
		assert.deepEqual([await send(), await send(), await send(), await send(), await send()], [410, 404, 429, 500, 201]);
		service.answer(subscription.endpoint, 'hang');
		const hung = fetch(subscription.endpoint, { method: 'POST', signal: AbortSignal.timeout(200) });
		await assert.rejects(hung, /TimeoutError|timed out|aborted/i, 'a hanging push service never answers');
		service.unsubscribe(subscription.endpoint);
		service.answer(subscription.endpoint, null);
		assert.deepEqual(await send(), 404);
		assert(service.rejected.length === 0);
	} finally {
		await service.stop();
	}
});
