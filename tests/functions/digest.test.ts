// The email digest, sent to a real local SMTP server (implicit TLS, as on port 465) and read back
// with mailparser: both parts, every name escaped in the HTML, a link that opens the queue, and an
// RFC 8058 one-click unsubscribe that works without signing in (and only with its own token).
import assert from 'node:assert/strict';
// @ts-types="../support/smtp.d.mts"
import { startSmtpServer } from '../support/smtp.mjs';
import { APP_URL, certificate, runAt, sender, startFunction, world } from './harness.ts';
import { seedUser } from './seed.ts';

// 08:05 in Berlin (summer time): just after the default digest time.
const MORNING = new Date('2027-05-04T06:05:00Z');
const NEXT_MORNING = new Date('2027-05-05T06:05:00Z');

Deno.test('the digest arrives with a text and an HTML part, the queue link and a one-click unsubscribe', async () => {
	const w = await world();
	const smtp = await startSmtpServer({ certificate });
	const fn = await startFunction(w.env);
	try {
		const user = await seedUser(w.db.admin, {
			email: 'owner@example.com',
			timeZone: 'Europe/Berlin',
			settings: { digest: true },
			followUps: [
				{ person: 'Priya Raman', note: 'Kafka migration deck', dueAt: '2027-05-04T10:00:00Z' },
				{ person: 'Sam <script>alert(1)</script> & "Lee"', note: '<b>bold</b> topic', dueAt: '2027-05-04T15:00:00Z' },
				{ person: 'Next Week', dueAt: '2027-05-11T10:00:00Z' }
			],
			devices: []
		});
		const unsubscribeBase = `${fn.url}/unsubscribe`;
		const first = await runAt(w.db.url, MORNING, w.vapid, { smtpUrl: smtp.url, unsubscribeBase });
		assert.equal(first.emailed, 1);
		assert.equal(smtp.messages.length, 1);
		const { envelope, parsed } = smtp.messages[0]!;
		assert.deepEqual(envelope.to, ['owner@example.com']);
		assert.equal(envelope.from, 'reminders@example.com');
		assert.equal(parsed.subject, '2 people to follow up today');
		const text = parsed.text ?? '';
		assert.match(text, /^- Priya Raman — Kafka migration deck$/m);
		assert.match(text, /^- Sam <script>alert\(1\)<\/script> & "Lee" — <b>bold<\/b> topic$/m, 'plain text is plain');
		assert.ok(text.includes(`Open your follow-ups: ${APP_URL}/follow-ups`));
		assert.doesNotMatch(text, /Next Week/);
		const html = String(parsed.html);
		assert.ok(
			html.includes('Sam &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;Lee&quot; — &lt;b&gt;bold&lt;/b&gt; topic')
		);
		assert.doesNotMatch(html, /<script|<b>/);
		assert.ok(html.includes(`<a href="${APP_URL}/follow-ups">Open your follow-ups</a>`));

		// Header lines as sent, unfolded (RFC 5322 folds long ones).
		const header = (name: string) =>
			(parsed.headerLines.find((h) => h.key === name)?.line ?? '').replace(/\r?\n[ \t]+/g, ' ');
		const link = /^List-Unsubscribe: +<(.+)>$/.exec(header('list-unsubscribe'))?.[1];
		assert.ok(link?.startsWith(`${unsubscribeBase}?token=`), header('list-unsubscribe'));
		assert.equal(header('list-unsubscribe-post'), 'List-Unsubscribe-Post: List-Unsubscribe=One-Click');
		assert.ok(text.includes(link!), 'the text part carries the same link');

		const digestOn = async () =>
			(await w.db.admin`select digest from app_private.reminder_settings where owner_id = ${user.id}`)[0]!.digest;
		// A link scanner's GET changes nothing; it shows a button that POSTs.
		const page = await fetch(link!);
		assert.equal(page.status, 200);
		assert.match(await page.text(), /<form method="post"[^>]*><button type="submit">Turn off the digest<\/button>/);
		assert.equal(await digestOn(), true);
		// Another token (the user id changed, or the MAC): refused.
		const token = new URL(link!).searchParams.get('token')!;
		for (const forged of [`${crypto.randomUUID()}${token.slice(36)}`, `${token.slice(0, -2)}AA`, '']) {
			const r = await fetch(`${unsubscribeBase}?token=${encodeURIComponent(forged)}`, { method: 'POST' });
			assert.equal(r.status, 403);
			await r.body?.cancel();
		}
		assert.equal(await digestOn(), true);
		// The mail client's one-click POST (RFC 8058): no bearer, no session.
		const oneClick = await fetch(link!, {
			method: 'POST',
			headers: { 'content-type': 'application/x-www-form-urlencoded' },
			body: 'List-Unsubscribe=One-Click'
		});
		assert.equal(oneClick.status, 200);
		assert.match(await oneClick.text(), /Email digest turned off/);
		assert.equal(await digestOn(), false);

		await runAt(w.db.url, NEXT_MORNING, w.vapid, { smtpUrl: smtp.url, unsubscribeBase });
		assert.equal(smtp.messages.length, 1, 'no digest after unsubscribing');
	} finally {
		await fn.stop();
		await smtp.stop();
		await w.close();
	}
});

Deno.test('a digest the mail server refuses is retried on a later run, and sent once', async () => {
	const w = await world();
	const smtp = await startSmtpServer({ certificate });
	try {
		await seedUser(w.db.admin, {
			email: 'owner@example.com',
			timeZone: 'Europe/Berlin',
			settings: { digest: true },
			followUps: [{ person: 'Priya Raman', dueAt: '2027-05-04T10:00:00Z' }],
			devices: []
		});
		const wrong = sender(w.db.url, w.vapid, { smtpUrl: smtp.url.replace('mail-secret', 'wrong') });
		const refused = await wrong.run(MORNING).finally(() => wrong.close());
		assert.equal(refused.emailed, 0);
		assert.equal(refused.retried, 1);
		const later = await runAt(w.db.url, new Date(MORNING.getTime() + 5 * 60_000), w.vapid, { smtpUrl: smtp.url });
		assert.equal(later.emailed, 1);
		const after = await runAt(w.db.url, new Date(MORNING.getTime() + 10 * 60_000), w.vapid, { smtpUrl: smtp.url });
		assert.equal(after.claimed, 0);
		assert.equal(smtp.messages.length, 1);
	} finally {
		await smtp.stop();
		await w.close();
	}
});
