// One outcome per target: a reminder goes to each of its user's devices and, for the digest, to
// their inbox, and each target is settled on its own. A target that failed for a reason to retry
// (SMTP down; a push service's 429) gets the reminder on a later run; a target that already got
// it does not get it again.
import assert from 'node:assert/strict';
// @ts-types="../support/smtp.d.mts"
import { startSmtpServer } from '../support/smtp.mjs';
import { certificate, freePort, middayUser, runAt, world } from './harness.ts';
import { inHours, seedUser } from './seed.ts';

// 08:05 in Berlin (summer time): just after the default digest time.
const MORNING = new Date('2027-05-04T06:05:00Z');
const minutes = (at: Date, n: number) => new Date(at.getTime() + n * 60_000);

Deno.test('SMTP down on one run and up on the next: the digest arrives once, the push is not resent', async () => {
	const w = await world();
	const smtp = await startSmtpServer({ certificate });
	try {
		const phone = w.device('phone');
		await seedUser(w.db.admin, {
			email: 'owner@example.com',
			timeZone: 'Europe/Berlin',
			settings: { digest: true },
			followUps: [{ person: 'Priya Raman', note: 'Kafka migration deck', dueAt: '2027-05-04T10:00:00Z' }],
			devices: [phone]
		});
		// Nothing listens on this port: the connection is refused, as when the mail server is down.
		const down = smtp.url.replace(`:${smtp.port}`, `:${await freePort()}`);
		const first = await runAt(w.db.url, MORNING, w.vapid, { smtpUrl: down });
		assert.equal(first.claimed, 1);
		assert.equal(first.sent, 1, 'the push went out');
		assert.equal(first.emailed, 0, 'the mail server was down');
		assert.equal(first.retried, 1, 'the reminder waits for its email');
		assert.equal(w.push.delivered.length, 1);

		const second = await runAt(w.db.url, minutes(MORNING, 5), w.vapid, { smtpUrl: smtp.url });
		assert.equal(second.claimed, 1, 'the reminder is claimed again, for its email');
		assert.equal(second.emailed, 1);
		assert.equal(second.sent, 0, 'and not pushed again');
		assert.equal(smtp.messages.length, 1);
		assert.deepEqual(smtp.messages[0]!.envelope.to, ['owner@example.com']);
		assert.equal(smtp.messages[0]!.parsed.subject, '1 person to follow up today');

		const third = await runAt(w.db.url, minutes(MORNING, 10), w.vapid, { smtpUrl: smtp.url });
		assert.equal(third.claimed, 0);
		assert.equal(smtp.messages.length, 1, 'exactly one email');
		assert.deepEqual(
			w.push.delivered.map((d) => d.endpoint),
			[phone.endpoint],
			'exactly one push'
		);
		assert.deepEqual(w.push.rejected, []);
	} finally {
		await smtp.stop();
		await w.close();
	}
});

Deno.test('two devices, the second answers 429: it gets the reminder on a later run, the first not twice', async () => {
	const w = await world();
	try {
		const [a, b] = [w.device('a'), w.device('b')];
		const user = await seedUser(w.db.admin, {
			...middayUser(),
			followUps: [{ person: 'Priya Raman', dueAt: inHours(2) }],
			devices: [a, b]
		});
		w.push.answer(b.endpoint, [429]);
		const now = new Date();
		const first = await runAt(w.db.url, now, w.vapid);
		assert.equal(first.claimed, 1);
		assert.equal(first.sent, 1);
		assert.equal(first.retried, 1, 'the reminder waits for device B');
		assert.deepEqual(
			w.push.delivered.map((d) => d.endpoint),
			[a.endpoint]
		);

		const second = await runAt(w.db.url, minutes(now, 5), w.vapid);
		assert.equal(second.claimed, 1);
		assert.equal(second.sent, 1);
		assert.deepEqual(
			w.push.delivered.map((d) => d.endpoint),
			[a.endpoint, b.endpoint],
			'B got it on the second run, A did not get it again'
		);
		const [toA, toB] = w.push.delivered;
		assert.equal(toB!.json.notification.tag, toA!.json.notification.tag, 'the same reminder');
		assert.equal(toB!.json.notification.body, toA!.json.notification.body);
		assert.deepEqual(toB!.json.notification.data.follow_ups, user.followUps);

		const third = await runAt(w.db.url, minutes(now, 10), w.vapid);
		assert.equal(third.claimed, 0);
		assert.equal(w.push.delivered.length, 2);
		const [claim] = await w.db.admin`select status, attempt from app_private.reminder_claims`;
		assert.deepEqual([claim!.status, claim!.attempt], ['sent', 2]);
		assert.deepEqual(w.push.rejected, []);
	} finally {
		await w.close();
	}
});
