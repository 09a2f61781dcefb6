import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import fc from 'fast-check';
import { afterEach, describe, expect, it } from 'vitest';
import { LocalDb } from '$lib/adapters/local/db';
import { FollowUpStore } from '$lib/adapters/local/follow-up-store';
import { markDone, planCheckIn, snooze } from '$lib/domain/queue/actions';
import { needsAction, reminderCounts, REMIND_HOURS } from '$lib/domain/queue/queue-rules';
import { HOUR, T0, makeFollowUp, makePromise } from '../../../support/follow-ups';

let db: LocalDb;
let counter = 0;

function openStore(): FollowUpStore {
	db = new LocalDb(`follow-up-test-${++counter}`);
	return new FollowUpStore(db);
}

afterEach(async () => {
	db.close();
	await db.delete();
});

describe('FollowUpStore', () => {
	it('pages the queue in due order and counts all of it', async () => {
		const store = openStore();
		const items = Array.from({ length: 45 }, (_, i) => makeFollowUp({ id: `f${i}` }, T0 + (44 - i) * HOUR));
		await db.followUps.bulkAdd(items);
		const first = await store.page(null, T0, 30);
		expect(first.total).toBe(45);
		expect(first.rows).toHaveLength(30);
		expect(first.rows.map((r) => r.followUp.id).slice(0, 3)).toEqual(['f44', 'f43', 'f42']);
		expect((await store.page(null, T0, 60)).rows).toHaveLength(45);
		expect(await store.allInQueue(T0)).toHaveLength(45);
	});

	it('lists check-ins from a day before they are due, and filters by event', async () => {
		const store = openStore();
		const followUp = makeFollowUp({ id: 'f1', eventId: 'ev1' });
		const later = planCheckIn('p1', 1, followUp, { now: T0, id: 'c1' });
		await db.followUps.bulkAdd([followUp, later, makeFollowUp({ id: 'f2' })]);
		expect((await store.page(null, T0, 30)).rows.map((r) => r.followUp.id)).toEqual(['f1', 'f2']);
		const monthLater = later.dueAt + HOUR;
		expect((await store.page(null, monthLater, 30)).rows.map((r) => r.followUp.id)).toEqual(['f1', 'f2', 'c1']);
		expect((await store.page('ev1', monthLater, 30)).rows.map((r) => r.followUp.id)).toEqual(['f1', 'c1']);
		expect((await store.actionCounts(monthLater, 0)).now).toBe(3);
	});

	it('counts what needs action: not snoozed, and due within 6 hours', async () => {
		const store = openStore();
		const now = T0 + 44 * HOUR;
		await db.followUps.bulkAdd([
			makeFollowUp({ id: 'a' }),
			snooze(makeFollowUp({ id: 'b' }), now + 10 * HOUR, now),
			makeFollowUp({ id: 'c' }, T0 + 20 * HOUR)
		]);
		expect(await store.actionCounts(now, 6)).toEqual({ now: 2, overdue: 0, dueSoon: 1 });
	});

	it('counts overdue follow-ups by their deadline, not where a snooze put them', async () => {
		const store = openStore();
		const now = T0 + 50 * HOUR;
		await db.followUps.bulkAdd([
			makeFollowUp({ id: 'overdue' }),
			// Snoozed for 3 hours just after meeting, back in the queue: due in 40 h, not overdue.
			snooze(makeFollowUp({ id: 'back' }, T0 + 42 * HOUR), T0 + 45 * HOUR, T0 + 42 * HOUR),
			// Snoozed past its deadline: hidden, so not counted until it ends.
			snooze(makeFollowUp({ id: 'hidden' }), now + HOUR, now - HOUR),
			makeFollowUp({ id: 'soon' }, T0 + 5 * HOUR)
		]);
		expect(await store.actionCounts(now, REMIND_HOURS)).toEqual({ now: 3, overdue: 1, dueSoon: 1 });
		expect(await store.actionCounts(now + 2 * HOUR, REMIND_HOURS)).toEqual({ now: 4, overdue: 2, dueSoon: 1 });
	});

	it('counts through the indexes exactly what the queue rules count, snoozed items included', async () => {
		const now = T0 + 30 * HOUR;
		const around = fc.integer({ min: -60, max: 24 * 40 }).map((h) => now + h * HOUR);
		const item = fc.record({
			kind: fc.constantFrom('follow-up' as const, 'check-in' as const),
			status: fc.constantFrom('open' as const, 'open' as const, 'done' as const, 'not-a-fit' as const),
			queueAt: around,
			dueAt: around,
			// Snoozed until the past or the future, and (from another device or a backup) not always where
			// it sits in the queue.
			snoozedUntil: fc.option(around, { nil: null })
		});
		await fc.assert(
			fc.asyncProperty(fc.array(item, { maxLength: 40 }), async (items) => {
				const store = openStore();
				const rows = items.map((fields, i) => makeFollowUp({ id: `f${i}`, ...fields }));
				await db.followUps.bulkAdd(rows);
				expect(await store.actionCounts(now, REMIND_HOURS)).toEqual({
					now: rows.filter((f) => needsAction(f, now)).length,
					...reminderCounts(rows, now, REMIND_HOURS)
				});
				db.close();
				await db.delete();
			}),
			{ numRuns: 60 }
		);
		openStore();
	});

	it('keeps every follow-up when a version 2 database gains the snoozed index', async () => {
		const name = `follow-up-upgrade-${++counter}`;
		const v2 = new Dexie(name);
		v2.version(2).stores({
			followUps: 'id, personId, encounterId, eventId, [status+kind+queueAt], [eventId+status+kind+queueAt]'
		});
		const now = T0 + 44 * HOUR;
		await v2
			.table('followUps')
			.bulkAdd([makeFollowUp({ id: 'a' }), snooze(makeFollowUp({ id: 'b' }), now + HOUR, now)]);
		v2.close();
		db = new LocalDb(name);
		expect(await db.followUps.count()).toBe(2);
		expect((await new FollowUpStore(db).actionCounts(now, 0)).now).toBe(1);
	});

	it('keeps every follow-up when a version 3 database gains the deadline index', async () => {
		const name = `follow-up-upgrade-${++counter}`;
		const v3 = new Dexie(name);
		v3.version(3).stores({
			followUps:
				'id, personId, encounterId, eventId, [status+kind+queueAt], [eventId+status+kind+queueAt], [status+snoozedUntil]'
		});
		await v3.table('followUps').bulkAdd([makeFollowUp({ id: 'a' }), makeFollowUp({ id: 'b' }, T0 + 10 * HOUR)]);
		v3.close();
		db = new LocalDb(name);
		expect(await new FollowUpStore(db).actionCounts(T0 + 49 * HOUR, 6)).toEqual({ now: 2, overdue: 1, dueSoon: 0 });
	});

	it('hides snoozed items from the queue and its length, and lists them apart', async () => {
		const store = openStore();
		const now = T0 + 10 * HOUR;
		await db.followUps.bulkAdd([
			makeFollowUp({ id: 'a' }),
			snooze(makeFollowUp({ id: 'b' }, T0 - HOUR), now + 3 * HOUR, now),
			makeFollowUp({ id: 'c' }, T0 + HOUR)
		]);
		const page = await store.page(null, now, 1);
		expect(page).toMatchObject({ total: 2 });
		expect(page.rows.map((r) => r.followUp.id)).toEqual(['a']);
		expect(page.snoozed.map((r) => r.followUp.id)).toEqual(['b']);
		expect((await store.page(null, now, 30)).rows.map((r) => r.followUp.id)).toEqual(['a', 'c']);
		// When the snooze ends it is back, at the end of its snooze in queue order.
		const later = await store.page(null, now + 4 * HOUR, 30);
		expect(later.rows.map((r) => r.followUp.id)).toEqual(['b', 'a', 'c']);
		expect(later).toMatchObject({ total: 3, snoozed: [] });
		expect((await store.allInQueue(now)).map((r) => r.followUp.id)).toEqual(['a', 'c']);
	});

	it('shows one row per person when two devices each made a follow-up for them', async () => {
		const store = openStore();
		await db.followUps.bulkAdd([
			makeFollowUp({ id: 'a', personId: 'lena' }),
			makeFollowUp({ id: 'b', personId: 'marco' }, T0 + HOUR),
			makeFollowUp({ id: 'a2', personId: 'lena' }, T0 + 2 * HOUR)
		]);
		const page = await store.page(null, T0, 30);
		expect(page.rows.map((r) => r.followUp.id)).toEqual(['a', 'b']);
		expect(page.total).toBe(2);
	});

	it('puts every open item in the calendar file: snoozed ones, and check-ins months ahead', async () => {
		const store = openStore();
		const followUp = makeFollowUp({ id: 'f1', personId: 'marek' });
		await db.people.add({
			id: 'marek',
			name: 'Marek Nowak',
			org: '',
			title: '',
			email: '',
			phone: '',
			linkedin: '',
			url: '',
			badgeId: '',
			matchKeys: [],
			createdAt: T0,
			updatedAt: T0
		});
		await db.followUps.bulkAdd([
			markDone(followUp, 'email', T0 + HOUR),
			planCheckIn('marek', 6, followUp, { now: T0 + HOUR, id: 'c1' }),
			snooze(makeFollowUp({ id: 'f2' }), T0 + 5 * HOUR, T0 + HOUR)
		]);
		const items = await store.calendarItems();
		expect(items.map((i) => [i.followUp.id, i.personName])).toEqual([
			['f2', 'Someone'],
			['c1', 'Marek Nowak']
		]);
	});

	it('carries every conversation with the person since the first, and their promises', async () => {
		const store = openStore();
		const talk = (id: string, metAt: number) => ({
			id,
			personId: 'marek',
			eventId: null,
			metAt,
			note: `Talk ${id}`,
			helpOffer: '',
			raw: '',
			kind: 'typed' as const,
			createdAt: metAt
		});
		await db.encounters.bulkAdd([talk('e2', T0 + 5 * HOUR), talk('e1', T0), talk('e0', T0 - 500 * HOUR)]);
		const old = markDone(makeFollowUp({ id: 'f0', personId: 'marek', encounterId: 'e0' }, T0 - 500 * HOUR), 'sms', T0);
		await db.followUps.bulkAdd([old, makeFollowUp({ id: 'f1', personId: 'marek', encounterId: 'e1' })]);
		await db.promises.bulkAdd([
			makePromise({ id: 'p1', personId: 'marek', encounterId: 'e1', followUpId: 'f1' }),
			makePromise({ id: 'p2', personId: 'marek', encounterId: 'e2', followUpId: 'f1' }),
			makePromise({ id: 'p0', personId: 'marek', encounterId: 'e0', followUpId: 'f0' })
		]);
		const detail = await store.detail('f1');
		expect(detail?.encounter?.id).toBe('e1');
		expect(detail?.encounters.map((e) => e.id)).toEqual(['e1', 'e2']);
		expect(detail?.promises.map((p) => p.id).sort()).toEqual(['p1', 'p2']);
		expect((await store.detail('f0'))?.encounters.map((e) => e.id)).toEqual(['e0']);
	});

	it('applies an action with its promises and check-in, and undoes all of it', async () => {
		const store = openStore();
		const followUp = makeFollowUp({ id: 'f1' });
		const promise = makePromise({ id: 'p1', followUpId: 'f1' });
		await db.followUps.add(followUp);
		await db.promises.add(promise);
		await store.setMessage('f1', { subject: 'S', body: 'B' }, T0);
		const checkIn = planCheckIn(followUp.personId, 3, followUp, { now: T0, id: 'c1' });
		const undo = await store.apply({
			followUp: markDone(followUp, 'email', T0 + HOUR),
			promises: [{ ...promise, status: 'kept', settledAt: T0 + HOUR }],
			created: [checkIn]
		});
		expect(await db.followUps.get('f1')).toMatchObject({ status: 'done', message: { subject: 'S', body: 'B' } });
		expect(await db.promises.get('p1')).toMatchObject({ status: 'kept' });
		expect(await db.followUps.get('c1')).toMatchObject({ kind: 'check-in' });
		await store.undo(undo);
		expect(await db.followUps.get('f1')).toMatchObject({ status: 'open', message: { subject: 'S', body: 'B' } });
		expect(await db.promises.get('p1')).toMatchObject({ status: 'open' });
		expect(await db.followUps.get('c1')).toBeUndefined();
	});

	it('adds a check-in without touching the follow-up it comes after', async () => {
		const store = openStore();
		const followUp = makeFollowUp({ id: 'f1' });
		await db.followUps.add(markDone(followUp, 'sms', T0));
		const undo = await store.apply({ created: [planCheckIn(followUp.personId, 1, followUp, { now: T0, id: 'c1' })] });
		expect(await db.followUps.get('f1')).toMatchObject({ status: 'done' });
		await store.undo(undo);
		expect(await db.followUps.get('f1')).toMatchObject({ status: 'done' });
		expect(await db.followUps.count()).toBe(1);
	});
});
