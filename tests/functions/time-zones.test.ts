// Three simulated days of runs every 5 minutes (in this process, at chosen times, over the network
// to the local push service) for people from UTC−11 to UTC+14, across the United States' change to
// summer time on 14 March 2027: nothing arrives in anyone's quiet hours (21:00–08:00 their time),
// the morning summary comes at 08:00 their time on both sides of the change, every follow-up is
// announced before its deadline and once when it is overdue, and nothing reaches another user.
import assert from 'node:assert/strict';
import { sender, world } from './harness.ts';
import { seedUser } from './seed.ts';

const ZONES = [
	'Pacific/Pago_Pago', // UTC−11
	'Pacific/Honolulu',
	'America/Los_Angeles', // summer time from 14 March
	'America/New_York', // summer time from 14 March
	'America/St_Johns', // UTC−3:30, summer time from 14 March
	'UTC',
	'Europe/Berlin',
	'Asia/Kolkata', // UTC+5:30
	'Asia/Kathmandu', // UTC+5:45
	'Australia/Lord_Howe', // UTC+11 (half-hour summer time)
	'Pacific/Chatham', // UTC+13:45
	'Pacific/Kiritimati' // UTC+14
];
const START = Date.parse('2027-03-12T12:00:00Z');
const END = Date.parse('2027-03-15T08:00:00Z');
const STEP = 5 * 60_000;

/** The local date and minute of the day of `at` in `zone`. */
function local(at: number, zone: string) {
	const parts = Object.fromEntries(
		new Intl.DateTimeFormat('en-CA', {
			timeZone: zone,
			hourCycle: 'h23',
			year: 'numeric',
			month: '2-digit',
			day: '2-digit',
			hour: '2-digit',
			minute: '2-digit'
		})
			.formatToParts(at)
			.map((p) => [p.type, p.value])
	);
	return { day: `${parts.year}-${parts.month}-${parts.day}`, minute: Number(parts.hour) * 60 + Number(parts.minute) };
}

/** The instant when it is `day` `hh:mm` in `zone`. */
function zoned(day: string, hhmm: string, zone: string): number {
	const [y, m, d] = day.split('-').map(Number) as [number, number, number];
	const [h, mi] = hhmm.split(':').map(Number) as [number, number];
	const wanted = Date.UTC(y, m - 1, d, h, mi);
	let at = wanted;
	for (let i = 0; i < 3; i++) {
		const l = local(at, zone);
		const [ly, lm, ld] = l.day.split('-').map(Number) as [number, number, number];
		at += wanted - Date.UTC(ly, lm - 1, ld, Math.floor(l.minute / 60), l.minute % 60);
	}
	return at;
}

Deno.test(
	'time zones UTC−11 to UTC+14 and a DST change: quiet hours kept, nothing missed, doubled or misdelivered',
	async () => {
		const w = await world();
		try {
			const people = [];
			for (const zone of ZONES) {
				const deadlines = [
					zoned('2027-03-13', '12:00', zone),
					zoned('2027-03-14', '12:00', zone),
					zoned('2027-03-14', '19:00', zone)
				];
				const user = await seedUser(w.db.admin, {
					timeZone: zone,
					followUps: deadlines.map((at, i) => ({ person: `${zone} contact ${i}`, dueAt: new Date(at).toISOString() })),
					devices: [w.device(zone)]
				});
				people.push({ zone, user, deadlines });
			}
			const at: number[] = [];
			const runs = sender(w.db.url, w.vapid);
			try {
				for (let t = START; t <= END; t += STEP) {
					await runs.run(new Date(t));
					while (at.length < w.push.delivered.length) at.push(t);
				}
			} finally {
				await runs.close();
			}
			assert.deepEqual(w.push.rejected, []);

			let wrongUser = 0;
			let duplicates = 0;
			let missed = 0;
			for (const { zone, user, deadlines } of people) {
				const mine = w.push.delivered
					.map((d, i) => ({ d, t: at[i]! }))
					.filter(({ d }) => d.endpoint === user.endpoints[0]);
				const tags = new Set(mine.map(({ d }) => d.json.notification.tag));
				duplicates += mine.length - tags.size;
				for (const { d, t } of mine) {
					const { minute } = local(t, zone);
					assert.ok(
						minute >= 8 * 60 && minute < 21 * 60,
						`${zone}: a reminder at ${local(t, zone).day} ${minute / 60}h, in quiet hours`
					);
					for (const id of d.json.notification.data.follow_ups) if (!user.followUps.includes(id)) wrongUser += 1;
				}
				const perDay = new Map<string, number>();
				for (const { t } of mine) perDay.set(local(t, zone).day, (perDay.get(local(t, zone).day) ?? 0) + 1);
				for (const [day, n] of perDay) assert.ok(n <= 4, `${zone}: ${n} reminders on ${day}`);
				// The morning summary: at 08:00 their time on each day with follow-ups due (an overdue
				// one is due every day until done), DST or not.
				const summaries = mine.filter(({ d }) => d.json.notification.data.kind === 'summary');
				const days = summaries.map(({ t }) => local(t, zone).day);
				assert.deepEqual(days.slice(0, 2), ['2027-03-13', '2027-03-14'], `${zone}: a summary each day`);
				assert.equal(new Set(days).size, days.length, `${zone}: one summary a day`);
				for (const { t } of summaries) {
					const { minute } = local(t, zone);
					assert.ok(minute >= 8 * 60 && minute < 8 * 60 + 10, `${zone}: summary at minute ${minute}, not 08:00`);
				}
				user.followUps.forEach((id, i) => {
					const deadline = deadlines[i]!;
					const about = mine.filter(({ d }) => d.json.notification.data.follow_ups.includes(id));
					const kind = (k: string) => about.filter(({ d }) => d.json.notification.data.kind === k);
					// Announced before its deadline (due within 6 hours, or in that morning's summary), and
					// once, on time, when it is overdue; later summaries list it again as a daily recap.
					const before = about.filter(({ t }) => t < deadline);
					const overdue = kind('overdue');
					if (before.length === 0 || overdue.length === 0) missed += 1;
					duplicates += Math.max(0, overdue.length - 1) + Math.max(0, kind('due_soon').length - 1);
					for (const { t } of overdue)
						assert.ok(t >= deadline && t - deadline <= 15 * 60_000, `${zone}: overdue at the wrong time`);
				});
			}
			const ny = people.find((p) => p.zone === 'America/New_York')!;
			const nySummaries = w.push.delivered
				.map((d, i) => ({ d, t: at[i]! }))
				.filter(({ d }) => d.endpoint === ny.user.endpoints[0] && d.json.notification.data.kind === 'summary')
				.map(({ t }) => new Date(t).toISOString().slice(11, 16));
			assert.deepEqual(nySummaries.slice(0, 2), ['13:00', '12:00'], 'New York: 08:00 EST then 08:00 EDT');
			console.log(
				`${ZONES.length} zones, ${(END - START) / STEP + 1} runs: ${w.push.delivered.length} delivered, ` +
					`duplicates ${duplicates}, missed ${missed}, wrong-user ${wrongUser}`
			);
			assert.deepEqual({ duplicates, missed, wrongUser }, { duplicates: 0, missed: 0, wrongUser: 0 });
		} finally {
			await w.close();
		}
	}
);
