// The send-reminders Edge Function as Supabase runs it (`deno run` of index.ts, settings in the
// environment) against Postgres 15 with the migrations and the strict local push service: who may
// start a pass, what a device receives (decrypted with its own keys), what 404/410 and
// 429/500/timeouts do.
import assert from 'node:assert/strict';
import { APP_URL, middayUser, runAt, SECRET, startFunction, waitFor, world } from './harness.ts';
import { inHours, seedUser } from './seed.ts';

Deno.test('a pass is refused without the bearer secret, and nothing is claimed', async () => {
	const w = await world();
	const fn = await startFunction(w.env);
	try {
		await seedUser(w.db.admin, {
			...middayUser(),
			followUps: [{ person: 'Priya Raman', dueAt: inHours(2) }],
			devices: [w.device('a')]
		});
		for (const authorization of [null, 'Bearer', `Bearer ${SECRET}x`, `bearer ${SECRET}`, SECRET, `Basic ${SECRET}`]) {
			const { status, body } = await fn.run(authorization);
			assert.equal(status, 401, `${authorization} refused`);
			assert.deepEqual(body, { error: 'unauthorized' });
		}
		const get = await fetch(fn.url, { headers: { authorization: `Bearer ${SECRET}` } });
		assert.equal(get.status, 405);
		await get.body?.cancel();
		assert.equal(await w.claims(), 0);
		assert.equal(w.push.delivered.length, 0);
	} finally {
		await fn.stop();
		await w.close();
	}
});

Deno.test('a due reminder reaches each of its user’s devices, encrypted for each, and only once', async () => {
	const w = await world();
	const fn = await startFunction(w.env);
	try {
		const priya = await seedUser(w.db.admin, {
			...middayUser(),
			followUps: [
				{ person: 'Priya Raman', note: 'Kafka migration deck\nShe runs the platform team', dueAt: inHours(2) },
				{ person: 'Sam <b>Lee</b>', dueAt: inHours(40) },
				{ person: 'Done Person', dueAt: inHours(1), status: 'done' }
			],
			devices: [w.device('phone'), w.device('laptop')]
		});
		const hidden = await seedUser(w.db.admin, {
			...middayUser(),
			settings: { ...middayUser().settings, hide_names: true },
			followUps: [{ person: 'Secret Name', dueAt: inHours(3) }],
			devices: [w.device('hidden')]
		});
		const idle = await seedUser(w.db.admin, {
			...middayUser(),
			followUps: [{ person: 'Later Person', dueAt: inHours(30) }],
			devices: [w.device('idle')]
		});

		const { status, body } = await fn.run();
		assert.equal(status, 200);
		assert.equal(body.claimed, 2);
		assert.equal(body.sent, 3);
		assert.equal(body.retried, 0);
		assert.equal(typeof body.cpu_ms, 'number');
		assert.deepEqual(w.push.rejected, []);
		assert.equal(w.push.delivered.length, 3);

		const toPriya = w.push.delivered.filter((d) => priya.endpoints.includes(d.endpoint));
		assert.equal(toPriya.length, 2);
		for (const d of toPriya) {
			const n = d.json.notification;
			assert.equal(d.json.web_push, 8030);
			assert.equal(n.body, 'Priya Raman — Kafka migration deck');
			assert.equal(n.navigate, `${APP_URL}/follow-ups/${priya.followUps[0]}`);
			assert.equal(n.data.url, n.navigate);
			assert.match(n.tag, /^[0-9a-f]{32}$/);
			assert.equal(d.topic, n.tag, 'the Topic header is the tag: a resend replaces');
			assert.equal(d.json.app_badge, 2, 'two open follow-ups (the done one is not counted)');
			assert.equal(d.urgency, 'high');
			assert.ok(d.ttl > 0);
			assert.equal(n.silent, false);
		}
		assert.notEqual(toPriya[0]!.endpoint, toPriya[1]!.endpoint);
		const [toHidden] = w.push.delivered.filter((d) => hidden.endpoints.includes(d.endpoint));
		assert.equal(toHidden!.json.notification.body, '1 follow-up due');
		assert.doesNotMatch(toHidden!.text, /Secret Name/, 'the name is not in the message at all');
		assert.equal(w.push.delivered.filter((d) => idle.endpoints.includes(d.endpoint)).length, 0);

		const again = await fn.run();
		assert.equal(again.body.claimed, 0, 'a second run finds nothing: the ledger has it');
		assert.equal(w.push.delivered.length, 3);
	} finally {
		await fn.stop();
		await w.close();
	}
});

Deno.test('404 and 410 remove that subscription; the reminder still reaches the working device', async () => {
	const w = await world();
	const fn = await startFunction(w.env);
	try {
		const [ok, gone410, gone404] = [w.device('ok'), w.device('410'), w.device('404')];
		const user = await seedUser(w.db.admin, {
			...middayUser(),
			followUps: [{ person: 'Priya Raman', dueAt: inHours(2) }],
			devices: [ok, gone410, gone404]
		});
		w.push.answer(gone410.endpoint, [410]);
		w.push.unsubscribe(gone404.endpoint);
		const { body } = await fn.run();
		assert.equal(body.sent, 1);
		assert.equal(body.gone, 2);
		assert.deepEqual(await w.subscriptionsOf(user.id), [ok.endpoint]);
		assert.deepEqual(
			w.push.delivered.map((d) => d.endpoint),
			[ok.endpoint]
		);
		// A user whose only device is gone: nothing to send to, and nothing left to retry.
		const lone = w.device('lone');
		const alone = await seedUser(w.db.admin, {
			...middayUser(),
			followUps: [{ person: 'Ravi Patel', dueAt: inHours(1) }],
			devices: [lone]
		});
		w.push.answer(lone.endpoint, [410]);
		const second = await fn.run();
		assert.equal(second.body.gone, 1);
		assert.deepEqual(await w.subscriptionsOf(alone.id), []);
	} finally {
		await fn.stop();
		await w.close();
	}
});

Deno.test('429, 500 and a push service that never answers are retried on a later run, once', async () => {
	const w = await world();
	const fn = await startFunction(w.env);
	try {
		const devices = { '429': w.device('429'), '500': w.device('500'), hang: w.device('hang') };
		const users = [];
		for (const device of Object.values(devices))
			users.push(
				await seedUser(w.db.admin, {
					...middayUser(),
					followUps: [{ person: 'Priya Raman', dueAt: inHours(3) }],
					devices: [device]
				})
			);
		w.push.answer(devices['429'].endpoint, [429]);
		w.push.answer(devices['500'].endpoint, [500]);
		w.push.answer(devices.hang.endpoint, 'hang');
		const first = await fn.run();
		assert.equal(first.body.claimed, 3);
		assert.equal(first.body.retried, 3);
		assert.equal(first.body.sent, 0);
		assert.equal(w.push.delivered.length, 0);
		// Run again at once: the released reminders wait (the lease, and the 429's Retry-After).
		w.push.answer(devices.hang.endpoint, null);
		assert.equal((await fn.run()).body.claimed, 0);
		// A later run (5 minutes on) sends each once.
		const later = await runAt(w.db.url, new Date(Date.now() + 5 * 60_000), w.vapid);
		assert.equal(later.claimed, 3);
		assert.equal(later.sent, 3);
		assert.deepEqual(
			w.push.delivered.map((d) => d.endpoint).sort(),
			Object.values(devices)
				.map((d) => d.endpoint)
				.sort()
		);
		const attempts = await w.db.admin`select attempt, status from app_private.reminder_claims order by attempt`;
		assert.deepEqual(
			attempts.map((a) => [a.attempt, a.status]),
			[
				[2, 'sent'],
				[2, 'sent'],
				[2, 'sent']
			]
		);
		const after = await runAt(w.db.url, new Date(Date.now() + 10 * 60_000), w.vapid);
		assert.equal(after.claimed, 0);
		assert.deepEqual(w.push.rejected, []);
	} finally {
		await fn.stop();
		await w.close();
	}
});

Deno.test('a refusal other than 404/410/429/5xx (here 403) fails that reminder without retrying it', async () => {
	const w = await world();
	const fn = await startFunction(w.env);
	try {
		const device = w.device('refuses');
		await seedUser(w.db.admin, {
			...middayUser(),
			followUps: [{ person: 'Priya Raman', dueAt: inHours(2) }],
			devices: [device]
		});
		w.push.answer(device.endpoint, [403]);
		const { body } = await fn.run();
		assert.equal(body.failed, 1);
		assert.equal(body.retried, 0);
		const [claim] = await w.db.admin`select status from app_private.reminder_claims`;
		assert.equal(claim!.status, 'failed');
		assert.equal((await runAt(w.db.url, new Date(Date.now() + 10 * 60_000), w.vapid)).claimed, 0);
	} finally {
		await fn.stop();
		await w.close();
	}
});

Deno.test('a backlog bigger than one request’s CPU budget is finished over several requests, each once', async () => {
	const w = await world();
	// A budget of 1 ms and batches of 2: each request claims one batch, finishes it and stops.
	const fn = await startFunction({ ...w.env, REMINDERS_CPU_BUDGET_MS: '1', REMINDERS_BATCH: '2' });
	try {
		const users = [];
		for (let i = 0; i < 5; i++)
			users.push(
				await seedUser(w.db.admin, {
					...middayUser(),
					followUps: [{ person: `Contact ${i}`, dueAt: inHours(2) }],
					devices: [w.device(`user ${i}`)]
				})
			);
		const claimed = [];
		for (let request = 0; request < 10; request++) {
			const { body } = await fn.run();
			claimed.push(body.claimed);
			if (!body.more) break;
		}
		assert.deepEqual(claimed.slice(0, 3), [2, 2, 1]);
		assert.equal(w.push.delivered.length, 5);
		assert.deepEqual(new Set(w.push.delivered.map((d) => d.endpoint)), new Set(users.map((u) => u.endpoints[0])));
	} finally {
		await fn.stop();
		await w.close();
	}
});

Deno.test('a pass that leaves work hands on to the function itself until the backlog is sent, each once', async () => {
	const w = await world();
	// Batches of 2 and a 1 ms budget: each request sends one batch, then the next hop takes over.
	const fn = await startFunction(
		{ ...w.env, REMINDERS_CPU_BUDGET_MS: '1', REMINDERS_BATCH: '2' },
		{ chainToSelf: true }
	);
	try {
		const users = [];
		for (let i = 0; i < 5; i++)
			users.push(
				await seedUser(w.db.admin, {
					...middayUser(),
					followUps: [{ person: `Contact ${i}`, dueAt: inHours(2) }],
					devices: [w.device(`user ${i}`)]
				})
			);
		const { body } = await fn.run();
		assert.equal(body.claimed, 2);
		assert.equal(body.more, true);
		await waitFor(() => fn.output().includes('chain done at hop'), 'the chain to finish');
		assert.equal(w.push.delivered.length, 5);
		assert.deepEqual(new Set(w.push.delivered.map((d) => d.endpoint)), new Set(users.map((u) => u.endpoints[0])));
		assert.equal((await fn.run()).body.claimed, 0);
	} finally {
		await fn.stop();
		await w.close();
	}
});

Deno.test('the chain stops at REMINDERS_CHAIN_MAX hops, leaving the rest to the next scheduled run', async () => {
	const w = await world();
	const fn = await startFunction(
		{ ...w.env, REMINDERS_CPU_BUDGET_MS: '1', REMINDERS_BATCH: '2', REMINDERS_CHAIN_MAX: '1' },
		{ chainToSelf: true }
	);
	try {
		for (let i = 0; i < 5; i++)
			await seedUser(w.db.admin, {
				...middayUser(),
				followUps: [{ person: `Contact ${i}`, dueAt: inHours(2) }],
				devices: [w.device(`user ${i}`)]
			});
		await fn.run();
		await waitFor(() => fn.output().includes('chain stopped at hop 1'), 'the chain to stop');
		// The request and one hop: two batches of two, nothing else in flight.
		assert.equal(w.push.delivered.length, 4);
		assert.equal((await fn.run()).body.claimed, 1);
	} finally {
		await fn.stop();
		await w.close();
	}
});
