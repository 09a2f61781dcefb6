// Test data for the sender, written as the app writes it: each user signs in (their JWT claims set),
// pushes people, encounters and follow-ups with sync_push, registers devices with
// save_push_subscription and changes settings with save_reminder_settings.
import type postgres from 'postgres';
// @ts-types="../support/push-service.d.mts"
import type { BrowserSubscription } from '../support/push-service.mjs';

export interface SeedFollowUp {
	person: string;
	/** The encounter's note; its first line becomes the reminder's topic. */
	note?: string;
	dueAt: string;
	status?: 'open' | 'done' | 'not-a-fit';
	snoozedUntil?: string;
}

export interface SeedUser {
	email?: string;
	timeZone?: string;
	settings?: Record<string, unknown>;
	followUps: SeedFollowUp[];
	devices: BrowserSubscription[];
}

export interface SeededUser {
	id: string;
	followUps: string[];
	endpoints: string[];
}

/** Makes one user with their follow-ups, devices and settings. */
export async function seedUser(admin: postgres.Sql, user: SeedUser): Promise<SeededUser> {
	const id = crypto.randomUUID();
	const followUps: string[] = [];
	const mutations: unknown[] = [];
	let mid = 0;
	for (const f of user.followUps) {
		const person = crypto.randomUUID();
		const encounter = crypto.randomUUID();
		const followUp = crypto.randomUUID();
		followUps.push(followUp);
		mutations.push(
			{ mid: ++mid, table: 'people', id: person, fields: { name: f.person } },
			{
				mid: ++mid,
				table: 'encounters',
				id: encounter,
				fields: { person_id: person, met_at: '2026-01-01T10:00:00Z', note: f.note ?? `Met ${f.person}` }
			},
			{
				mid: ++mid,
				table: 'follow_ups',
				id: followUp,
				fields: {
					person_id: person,
					encounter_id: encounter,
					due_at: f.dueAt,
					queue_at: f.dueAt,
					status: f.status ?? 'open',
					...(f.snoozedUntil ? { snoozed_until: f.snoozedUntil } : {})
				}
			}
		);
	}
	await admin.begin(async (tx) => {
		await tx`insert into auth.users (id, email) values (${id}, ${user.email ?? `${id}@test.example`})`;
		await tx`select set_config('request.jwt.claims', ${JSON.stringify({ sub: id, role: 'authenticated' })}, true)`;
		await tx`set local role authenticated`;
		if (mutations.length) {
			const [{ result }] =
				await tx`select public.sync_push(${crypto.randomUUID()}, ${tx.json(mutations as never)}) as result`;
			const rejected = (result.results as { status: string }[]).filter((r) => r.status !== 'applied');
			if (rejected.length) throw new Error(`seed rejected: ${JSON.stringify(rejected)}`);
		}
		for (const device of user.devices)
			await tx`select public.save_push_subscription(${tx.json(device as never)}, ${user.timeZone ?? 'UTC'})`;
		const settings = { time_zone: user.timeZone ?? 'UTC', ...user.settings };
		await tx`select public.save_reminder_settings(${tx.json(settings as never)})`;
	});
	return { id, followUps, endpoints: user.devices.map((d) => d.endpoint) };
}

/** An ISO time `h` hours from now. */
export const inHours = (h: number) => new Date(Date.now() + h * 3600_000).toISOString();
