// The ledger is pruned as the sender runs: finished reminders older than a week go, with their
// targets and what a day's summary covered, while what keeps a follow-up's reminders from going
// twice stays. Twelve simulated days of a person with one overdue follow-up left open: the summary
// each morning, the overdue reminder once, and nothing again after the first days' rows are gone.
import assert from 'node:assert/strict';
// @ts-types="../support/smtp.d.mts"
import { startSmtpServer } from '../support/smtp.mjs';
import { certificate, sender, world } from './harness.ts';
import { seedUser } from './seed.ts';

const DAY = 24 * 3600_000;
// 2 June 2027, 08:05 and 12:05 in Berlin (summer time).
const MORNING = Date.parse('2027-06-02T06:05:00Z');
const NOON = Date.parse('2027-06-02T10:05:00Z');

Deno.test('pruning the ledger as the days go by sends nothing twice', async () => {
	const w = await world();
	const smtp = await startSmtpServer({ certificate });
	const s = sender(w.db.url, w.vapid, { smtpUrl: smtp.url });
	try {
		const user = await seedUser(w.db.admin, {
			email: 'owner@example.com',
			timeZone: 'Europe/Berlin',
			settings: { digest: true },
			followUps: [{ person: 'Priya Raman', dueAt: '2027-06-02T10:00:00Z' }],
			devices: [w.device('phone')]
		});
		const claimsAt = async () =>
			(await w.db.admin`select claimed_at from app_private.reminder_claims order by claimed_at`).map((r) =>
				(r.claimed_at as Date).toISOString()
			);
		let pruned = 0;
		for (let day = 0; day < 12; day++) {
			for (const at of [MORNING + day * DAY, NOON + day * DAY]) {
				const pass = await s.run(new Date(at));
				assert.equal(pass.failed, 0);
				pruned += pass.pruned;
			}
		}
		const kinds = w.push.delivered.map((d) => d.json.notification.data.kind as string);
		assert.equal(kinds.filter((k) => k === 'overdue').length, 1, 'the overdue reminder once, on the first day');
		assert.equal(kinds.filter((k) => k === 'summary').length, 12, 'a summary each morning');
		assert.equal(new Set(w.push.delivered.map((d) => d.json.notification.tag)).size, 13, 'each a reminder of its own');
		assert.equal(smtp.messages.length, 12, 'a digest each morning');
		assert.deepEqual(w.push.rejected, []);
		for (const d of w.push.delivered)
			assert.deepEqual(d.json.notification.data.follow_ups, user.followUps, 'about her own follow-up');

		// The first days' reminders are gone from the ledger; the last week's are kept.
		assert.ok(pruned >= 6, `pruned ${pruned}`);
		const left = await claimsAt();
		assert.ok(left.length > 0 && left.length < 13, `${left.length} claims left`);
		assert.ok(Date.parse(left[0]!) >= MORNING + 11 * DAY - 7 * DAY - 3600_000, `the oldest left is ${left[0]}`);
		const [{ n }] = await w.db.admin`select count(*)::int as n from app_private.reminder_targets`;
		assert.equal(n, left.length * 2, 'each claim left has its push and its email target; the others went with theirs');
	} finally {
		await s.close();
		await smtp.stop();
		await w.close();
	}
});
