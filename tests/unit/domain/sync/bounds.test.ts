import { describe, expect, it } from 'vitest';
import { planCapture } from '$lib/domain/capture/plan-capture';
import { MAX_MATCH_KEY_LENGTH, matchKeys } from '$lib/domain/contact/match';
import { createEvent } from '$lib/domain/events/event-rules';
import { unionKeys } from '$lib/domain/people/contact-merge';
import { snooze, snoozeProblem } from '$lib/domain/queue/actions';
import { eventEndsAt } from '$lib/domain/queue/due';
import {
	END_OF_TIME,
	EARLIEST_TIME,
	isEventDay,
	isStorableDay,
	isStorableTime,
	LAST_EVENT_DAY,
	unstorableField
} from '$lib/domain/sync/bounds';
import { makeFollowUp } from '../../../support/follow-ups';
import { makeDraft, sequentialIds } from '../../../support/factories';

const now = Date.parse('2026-11-20T10:05:00Z');

describe('the bounds the server keeps (supabase/migrations/20261124120100_field_bounds.sql)', () => {
	it('times: from 1900-01-01 up to, not including, 2200-01-01 UTC', () => {
		expect(isStorableTime(Date.parse('1900-01-01T00:00:00Z'))).toBe(true);
		expect(isStorableTime(Date.parse('1899-12-31T23:59:59.999Z'))).toBe(false);
		expect(isStorableTime(Date.parse('2199-12-31T23:59:59.999Z'))).toBe(true);
		expect(isStorableTime(END_OF_TIME)).toBe(false);
		expect(isStorableTime(Number.NaN)).toBe(false);
		expect(isStorableTime(Number.POSITIVE_INFINITY)).toBe(false);
		expect(EARLIEST_TIME).toBe(Date.parse('1900-01-01T00:00:00Z'));
	});

	it('days: real ones, 1900 to 2199', () => {
		expect(['1900-01-01', '2199-12-31', '2028-02-29'].map(isStorableDay)).toEqual([true, true, true]);
		expect(
			['1899-12-31', '2200-01-01', '2026-02-29', '2026-13-01', '2026-00-10', '0226-05-01', 'infinity'].map(
				isStorableDay
			)
		).toEqual([false, false, false, false, false, false, false]);
		expect(isEventDay(LAST_EVENT_DAY)).toBe(true);
		expect(isEventDay('2101-01-01')).toBe(false);
	});

	it('match keys: a key lower case makes too long is left out', () => {
		const slug = 'İ'.repeat(1500);
		expect(`linkedin:linkedin.com/in/${slug}`.length).toBeLessThan(MAX_MATCH_KEY_LENGTH);
		const keys = matchKeys({
			email: 'ada@x.example',
			linkedin: `https://linkedin.com/in/${slug}`,
			phone: '',
			badgeId: ''
		});
		expect(keys).toEqual(['email:ada@x.example']);
		expect(unstorableField('people', { matchKeys: keys })).toBeNull();
	});
});

describe('the app makes nothing beyond them', () => {
	it('an event form refuses days outside 1900–2100 and days that do not exist', () => {
		const context = { id: 'e1', now, timeZone: 'Europe/Lisbon' };
		const event = (startDate: string, endDate = startDate) =>
			createEvent({ name: 'Summit', startDate, endDate, clockFromEnd: true }, context);
		expect(event('1899-12-31')).toEqual({
			ok: false,
			errors: { startDate: 'Pick a day between 1900 and 2100.', endDate: 'Pick a day between 1900 and 2100.' }
		});
		expect(event('2026-11-20', '2101-01-01')).toEqual({
			ok: false,
			errors: { endDate: 'Pick a day between 1900 and 2100.' }
		});
		expect(event('2026-02-30')).toMatchObject({ ok: false });
		expect(event('1900-01-01', LAST_EVENT_DAY)).toMatchObject({ ok: true });
	});

	it('a capture at the latest event the form takes, timed from its end anywhere on earth, falls due in range', () => {
		for (const timeZone of ['Etc/GMT+12', 'Pacific/Kiritimati']) {
			const endsAt = eventEndsAt(LAST_EVENT_DAY, timeZone);
			const result = planCapture(makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;'), {
				existing: null,
				event: { endsAt, clockFromEnd: true },
				now,
				newId: sequentialIds()
			});
			if (!result.ok) throw new Error(result.message);
			expect(isStorableTime(result.plan.followUp.dueAt)).toBe(true);
			expect(result.plan.followUp.dueAt).toBeGreaterThan(endsAt.getTime());
		}
	});

	it('a person scanned again and again keeps at most 20 keys, the strongest first', () => {
		const existing = {
			...makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;').fields,
			id: 'p1',
			matchKeys: Array.from({ length: 20 }, (_, i) => `badge:B${i}`),
			createdAt: now,
			updatedAt: now
		};
		const result = planCapture(makeDraft('MECARD:N:Diallo,Mamadou;EMAIL:m@sahel.example;;'), {
			existing,
			event: null,
			now,
			newId: sequentialIds()
		});
		if (!result.ok) throw new Error(result.message);
		expect(result.plan.person.matchKeys).toEqual(existing.matchKeys);
		expect(unionKeys(['email:a@x.example'], existing.matchKeys)).toHaveLength(20);
	});

	it('a snooze is refused past 2199, as it is in the past', () => {
		expect(snoozeProblem(Date.parse('9999-12-31T09:00:00Z'), now)).toBe('Pick a time before the year 2200.');
		expect(snoozeProblem(now - 1, now)).toBe('Pick a time in the future.');
		expect(snoozeProblem(Number.NaN, now)).toBe('Pick a time in the future.');
		expect(snoozeProblem(now + 3_600_000, now)).toBeNull();
		expect(() => snooze(makeFollowUp(), END_OF_TIME, now)).toThrow(RangeError);
	});

	it('names the first field of a record the server would refuse', () => {
		expect(unstorableField('encounters', { metAt: Date.parse('1066-10-14T09:00:00Z') })).toBe('metAt');
		expect(unstorableField('followUps', { dueAt: now, queueAt: now, snoozedUntil: END_OF_TIME, doneAt: null })).toBe(
			'snoozedUntil'
		);
		expect(unstorableField('promises', { dueAt: now, settledAt: null })).toBeNull();
		expect(unstorableField('events', { startDate: '2026-11-18', endDate: '2200-01-01' })).toBe('endDate');
		expect(unstorableField('people', { matchKeys: [''] })).toBe('matchKeys');
		expect(unstorableField('people', { matchKeys: Array.from({ length: 21 }, (_, i) => `k${i}`) })).toBe('matchKeys');
	});
});
