import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { followUpsToIcs } from '$lib/domain/queue/calendar';
import { HOUR, T0, makeFollowUp } from '../../../support/follow-ups';

describe('followUpsToIcs', () => {
	it('writes one event per follow-up that parses back', () => {
		const a = makeFollowUp({ id: 'fa' });
		const b = makeFollowUp({ id: 'fb', kind: 'check-in', queueAt: T0 + 90 * 24 * HOUR });
		const ics = followUpsToIcs(
			[
				{
					followUp: a,
					personName: 'Adaeze Okafor',
					note: 'Grid storage; batteries, too',
					promises: ['Send the dataset']
				},
				{ followUp: b, personName: 'Tomasz Nowak', note: '', promises: [] }
			],
			T0
		);
		const calendar = new ICAL.Component(ICAL.parse(ics));
		const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events.map((e) => e.summary)).toEqual(['Follow up with Adaeze Okafor', 'Check in with Tomasz Nowak']);
		expect(events[0]!.startDate.toJSDate().getTime()).toBe(a.queueAt);
		expect(events[0]!.uid).toBe('fa@follow-up.app');
		expect(events[0]!.description).toBe(
			'You talked about: Grid storage; batteries, too\nYou promised: Send the dataset'
		);
		expect(events[1]!.startDate.toJSDate().getTime()).toBe(b.queueAt);
	});
});
