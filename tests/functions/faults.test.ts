// Faults around the sender, each ending in the same three counts: every due reminder reached its
// user (0 missed), no device shows one twice (0 duplicates: a resend carries the same tag and Topic,
// so it replaces), and nothing reached another user's device (0 wrong-user).
import assert from 'node:assert/strict';
import { middayUser, root, runAt, startFunction, waitFor, world } from './harness.ts';
import { inHours, type SeededUser, seedUser } from './seed.ts';

type World = Awaited<ReturnType<typeof world>>;

/** `count` users, each with one device and one follow-up due in 2 hours (a due_soon reminder). */
async function users(w: World, count: number): Promise<SeededUser[]> {
	const made = [];
	for (let i = 0; i < count; i++)
		made.push(
			await seedUser(w.db.admin, {
				...middayUser(),
				followUps: [{ person: `Contact ${i}`, dueAt: inHours(2) }],
				devices: [w.device(`user ${i}`)]
			})
		);
	return made;
}

/** The three counts over what the push service delivered. */
function tally(w: World, seeded: SeededUser[]) {
	const owner = new Map(seeded.flatMap((u) => u.endpoints.map((e) => [e, u] as const)));
	const shown = new Set<string>();
	let duplicates = 0;
	let wrongUser = 0;
	const reached = new Set<string>();
	for (const d of w.push.delivered) {
		// The same tag on the same device replaces what it shows: a resend, not a second notification.
		shown.add(`${d.endpoint} ${d.json.notification.tag}`);
		const user = owner.get(d.endpoint);
		for (const id of d.json.notification.data.follow_ups as string[]) {
			if (!user?.followUps.includes(id)) wrongUser += 1;
			else reached.add(id);
		}
	}
	// What a person sees: per device, one notification per tag, and one tag per follow-up's reminder.
	const perDevice = new Map<string, Set<string>>();
	for (const d of w.push.delivered) {
		const tags = perDevice.get(d.endpoint) ?? new Set();
		tags.add(d.json.notification.tag);
		perDevice.set(d.endpoint, tags);
	}
	for (const tags of perDevice.values()) duplicates += tags.size - 1;
	const missed = seeded.flatMap((u) => u.followUps).filter((id) => !reached.has(id)).length;
	const resent = w.push.delivered.length - shown.size;
	return { duplicates, missed, wrongUser, resent, rejected: w.push.rejected.length };
}

Deno.test('two runs at once share the work: each reminder once, none to another user', async () => {
	const w = await world();
	const [a, b] = await Promise.all([startFunction(w.env), startFunction(w.env)]);
	try {
		const seeded = await users(w, 40);
		const [ra, rb] = await Promise.all([a.run(), b.run()]);
		assert.equal(ra.status, 200);
		assert.equal(rb.status, 200);
		assert.equal(ra.body.claimed + rb.body.claimed, 40, `claimed ${ra.body.claimed} + ${rb.body.claimed}`);
		assert.deepEqual(tally(w, seeded), { duplicates: 0, missed: 0, wrongUser: 0, resent: 0, rejected: 0 });
		assert.equal(w.push.delivered.length, 40);
		console.log(`two runs at once: ${ra.body.claimed} + ${rb.body.claimed} claimed, 40 delivered`);
	} finally {
		await Promise.all([a.stop(), b.stop()]);
		await w.close();
	}
});

Deno.test('a run killed mid-batch loses nothing: a later run sends what it left, replacing, not doubling', async () => {
	const w = await world();
	const fn = await startFunction({ ...w.env, PUSH_TIMEOUT_MS: '600000' });
	try {
		const seeded = await users(w, 30);
		// Ten devices never answer (the run waits on them); five take the message but their answer
		// never comes back (the run dies between the push service's 201 and recording it).
		for (const u of seeded.slice(0, 10)) w.push.answer(u.endpoints[0]!, 'hang');
		for (const u of seeded.slice(10, 15)) w.push.answer(u.endpoints[0]!, 'deliver-then-hang');
		const run = fn.run().catch(() => null);
		await waitFor(async () => {
			const [{ n }] = await w.db
				.admin`select count(*)::int as n from app_private.reminder_claims where status = 'sent'`;
			return n === 15 && w.push.delivered.length === 20;
		}, 'the 15 answered reminders recorded and 5 more delivered');
		await fn.kill();
		assert.equal(await run, null, 'the run died without answering');
		const pending = await w.db
			.admin`select count(*)::int as n from app_private.reminder_claims where status = 'pending'`;
		assert.equal(pending[0]!.n, 15, 'fifteen claims were in flight when it died');

		for (const u of seeded.slice(0, 15)) w.push.answer(u.endpoints[0]!, null);
		// Within the lease (2 minutes), nothing is claimed again; at the next run (5 minutes on), all that was left is.
		assert.equal((await runAt(w.db.url, new Date(Date.now() + 60_000), w.vapid)).claimed, 0);
		const later = await runAt(w.db.url, new Date(Date.now() + 5 * 60_000), w.vapid);
		assert.equal(later.claimed, 15);
		assert.equal(later.sent, 15);
		const counts = tally(w, seeded);
		assert.deepEqual(
			{ ...counts, resent: undefined },
			{ duplicates: 0, missed: 0, wrongUser: 0, resent: undefined, rejected: 0 }
		);
		assert.equal(counts.resent, 5, 'the five delivered before the crash went again, with the same tag');
		console.log(`killed mid-batch: 15 finished, 15 in flight, re-sent later: ${JSON.stringify(counts)}`);
	} finally {
		await fn.stop();
		await w.close();
	}
});

for (const hours of [5, -5]) {
	Deno.test(
		`a sender whose clock is ${hours > 0 ? 'ahead' : 'behind'} by ${Math.abs(hours)} h sends what the database says is due, with a VAPID JWT the push service accepts`,
		async () => {
			const w = await world();
			const fn = await startFunction(
				{ ...w.env, CLOCK_OFFSET_MS: String(hours * 3600_000) },
				{ preload: `${root}tests/functions/clock-offset.ts` }
			);
			try {
				const due = await seedUser(w.db.admin, {
					...middayUser(),
					followUps: [{ person: 'Due Now', dueAt: inHours(2) }],
					devices: [w.device('due')]
				});
				// Due in 7 hours: not yet due_soon by the database's clock, though it would be by a clock 5 h ahead.
				const notYet = await seedUser(w.db.admin, {
					...middayUser(),
					followUps: [{ person: 'Not Yet', dueAt: inHours(7) }],
					devices: [w.device('not yet')]
				});
				const { body } = await fn.run();
				assert.equal(body.claimed, 1);
				assert.deepEqual(w.push.rejected, []);
				assert.deepEqual(
					w.push.delivered.map((d) => d.endpoint),
					due.endpoints
				);
				assert.equal(w.push.delivered.filter((d) => notYet.endpoints.includes(d.endpoint)).length, 0);
			} finally {
				await fn.stop();
				await w.close();
			}
		}
	);
}
