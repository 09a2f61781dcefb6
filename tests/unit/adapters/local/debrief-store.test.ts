import 'fake-indexeddb/auto';
import { afterEach, describe, expect, it } from 'vitest';
import { CaptureStore } from '$lib/adapters/local/capture-store';
import { DebriefStore } from '$lib/adapters/local/debrief-store';
import { LocalDb } from '$lib/adapters/local/db';
import { PeopleStore } from '$lib/adapters/local/people-store';
import { personFilter } from '$lib/domain/people/search';
import { makeDraft, sequentialIds } from '../../../support/factories';

let db: LocalDb;
let counter = 0;
const now = Date.parse('2026-11-20T10:05:00Z');
const HOUR = 3_600_000;

afterEach(async () => {
	db.close();
	await db.delete();
});

describe('DebriefStore', () => {
	it('counts people met as the People list does: one met twice is one person', async () => {
		db = new LocalDb(`debrief-test-${++counter}`);
		const capture = new CaptureStore(db);
		await db.events.add({
			id: 'ws',
			name: 'Web Summit',
			startDate: '2026-11-20',
			endDate: '2026-11-20',
			timeZone: 'Europe/Lisbon',
			clockFromEnd: false,
			createdAt: now
		});
		const marek = 'MECARD:N:Nowak,Marek;EMAIL:marek@nowak.example;;';
		const drafts = [
			makeDraft(marek, { eventId: 'ws', note: 'Pilot pricing for their warehouse robots' }),
			makeDraft('MECARD:N:Fischer,Lena;EMAIL:lena@fischer.example;;', { eventId: 'ws', note: 'Robotics grants' }),
			makeDraft(marek, { eventId: 'ws', metAt: now + HOUR, note: 'Second chat: the contract terms' })
		];
		for (const [i, draft] of drafts.entries()) await capture.commit(draft, now + i * HOUR, sequentialIds());

		expect(await db.followUps.count()).toBe(2);
		const debrief = new DebriefStore(db);
		expect(await debrief.forEvent('ws', now + 2 * HOUR)).toMatchObject({ met: 2, counted: 0 });
		expect(await debrief.forEvent('ws', now + 60 * HOUR)).toMatchObject({ met: 2, counted: 2, overdueNow: 2 });
		expect((await debrief.headline(now)).stats.met).toBe(2);
		const people = await new PeopleStore(db).summaries();
		expect(people.filter(personFilter('', 'ws'))).toHaveLength(2);
	});
});
