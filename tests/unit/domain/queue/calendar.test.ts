import ICAL from 'ical.js';
import { describe, expect, it } from 'vitest';
import { followUpsToIcs } from '$lib/domain/queue/calendar';
import { HOUR, T0, makeFollowUp } from '../../../support/follow-ups';

const octets = (line: string) => new TextEncoder().encode(line).length;

describe('followUpsToIcs', () => {
	const a = makeFollowUp({ id: 'fa' });
	const b = makeFollowUp({ id: 'fb', kind: 'check-in', queueAt: T0 + 90 * 24 * HOUR });
	const items = [
		{
			followUp: a,
			personName: 'Adaeze Okafor',
			note: 'Grid storage; batteries, too',
			promises: ['Send the dataset']
		},
		{ followUp: b, personName: 'Tomasz Nowak', note: '', promises: [] }
	];

	it('writes one event per follow-up that parses back', () => {
		const calendar = new ICAL.Component(ICAL.parse(followUpsToIcs(items, T0)));
		const events = calendar.getAllSubcomponents('vevent').map((e) => new ICAL.Event(e));
		expect(events.map((e) => e.summary)).toEqual(['Follow up with Adaeze Okafor', 'Check in with Tomasz Nowak']);
		expect(events[0]!.startDate.toJSDate().getTime()).toBe(a.queueAt);
		expect(events[0]!.endDate.toJSDate().getTime()).toBe(a.queueAt + 15 * 60_000);
		expect(events[0]!.uid).toBe('fa@follow-up.app');
		expect(events[0]!.description).toBe(
			'You talked about: Grid storage; batteries, too\nYou promised: Send the dataset'
		);
		expect(events[1]!.startDate.toJSDate().getTime()).toBe(b.queueAt);
		expect(events[1]!.description).toBeNull();
		expect(calendar.getFirstPropertyValue('version')).toBe('2.0');
	});

	it('gives each event a display alarm 2 hours before, with words to show', () => {
		const calendar = new ICAL.Component(ICAL.parse(followUpsToIcs(items, T0)));
		const alarms = calendar.getAllSubcomponents('vevent').map((e) => e.getAllSubcomponents('valarm'));
		expect(alarms.map((list) => list.length)).toEqual([1, 1]);
		const [alarm] = alarms[0]!;
		expect(alarm!.getFirstPropertyValue('action')).toBe('DISPLAY');
		const trigger = alarm!.getFirstPropertyValue('trigger') as ICAL.Duration;
		expect(trigger.toSeconds()).toBe(-2 * 3600);
		expect(alarm!.getFirstPropertyValue('description')).toBe('Follow up with Adaeze Okafor: due in 2 hours');
	});

	it('takes another lead time', () => {
		const ics = followUpsToIcs(items.slice(0, 1), T0, 30);
		expect(ics).toContain('\r\nTRIGGER:-PT30M\r\n');
		expect(ics).toContain('due in 30 minutes');
	});

	it('holds names and notes with commas, semicolons, backslashes and line breaks, in lines of at most 75 octets', () => {
		const name = 'Zoë O\'Brien-Ñúñez, PhD; "Ops" \\ Team 東京';
		const note = `Line one, with; punctuation\\\nLine two ${'and a long tail with émojis 🚀 '.repeat(6)}`;
		const ics = followUpsToIcs([{ followUp: a, personName: name, note, promises: [] }], T0);
		expect(ics.endsWith('\r\n')).toBe(true);
		const physical = ics.split('\r\n');
		expect(physical.every((line) => !/[\r\n]/.test(line) && octets(line) <= 75)).toBe(true);
		expect(physical.some((line) => line.startsWith(' '))).toBe(true);
		const event = new ICAL.Event(new ICAL.Component(ICAL.parse(ics)).getFirstSubcomponent('vevent')!);
		expect(event.summary).toBe(`Follow up with ${name}`);
		expect(event.description).toBe(`You talked about: ${note}`);
	});
});
