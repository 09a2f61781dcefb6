import { describe, expect, it } from 'vitest';
import type { Person } from '$lib/domain/capture/records';
import { emptyFields, type ContactFields } from '$lib/domain/contact/types';
import { applyPersonEdit } from '$lib/domain/people/person-edit';
import { checkPersonEdit } from '$lib/domain/people/person-edit-check';

const T0 = Date.parse('2026-11-19T10:00:00Z');
const now = Date.parse('2026-11-20T09:00:00Z');
const fields = (values: Partial<ContactFields>): ContactFields => ({ ...emptyFields(), ...values });
const person = (values: Partial<ContactFields>, keys: string[] = []): Person => ({
	...fields(values),
	id: 'p-1',
	matchKeys: keys,
	createdAt: T0,
	updatedAt: T0
});

describe('checkPersonEdit', () => {
	const opened = fields({ name: 'Lena Fischer' });

	it('checks every contact field by the capture form’s rules and returns only what changed', () => {
		const result = checkPersonEdit(
			opened,
			fields({
				name: '  Lena   Fischer ',
				org: 'Bavaria Robotics',
				title: 'CTO',
				email: ' Lena@Robotics.Example ',
				phone: '0151 5550 1234',
				linkedin: 'linkedin.com/in/lena-fischer',
				url: 'robotics.example',
				badgeId: 'WS-2026-0042'
			}),
			'DE'
		);
		expect(result).toEqual({
			ok: true,
			changes: {
				org: 'Bavaria Robotics',
				title: 'CTO',
				email: 'lena@robotics.example',
				phone: '+4915155501234',
				linkedin: 'https://linkedin.com/in/lena-fischer',
				url: 'https://robotics.example',
				badgeId: 'WS-2026-0042'
			}
		});
	});

	it('names each field that is not valid, and changes nothing', () => {
		const result = checkPersonEdit(
			opened,
			fields({ name: ' ', email: 'lena@', phone: 'call me', linkedin: 'javascript:alert(1)' })
		);
		expect(result).toEqual({
			ok: false,
			errors: {
				name: 'A person needs a name.',
				email: 'This email address does not look right.',
				phone: 'This does not look like a phone number. Include the country code, e.g. +44.',
				linkedin: 'Use a web address starting with https://.'
			}
		});
	});

	it('leaves a field the user did not touch out, even when it was shown in another form', () => {
		const stored = fields({ name: 'Lena Fischer', phone: '+4915155501234', email: 'lena@robotics.example' });
		// The phone as the form shows it on a German phone, the email as typed differently in case.
		const shown = { ...stored, phone: '0151 55501234' };
		expect(checkPersonEdit(shown, { ...shown, email: 'LENA@robotics.example' }, 'DE')).toEqual({
			ok: true,
			changes: {}
		});
	});

	it('lets a field be emptied', () => {
		const stored = fields({ name: 'Lena Fischer', title: 'CTO' });
		expect(checkPersonEdit(stored, { ...stored, title: '' })).toEqual({ ok: true, changes: { title: '' } });
	});
});

describe('applyPersonEdit', () => {
	it('adds the key of a new email and phone to a person saved with a name only', () => {
		const next = applyPersonEdit(
			person({ name: 'Lena Fischer' }),
			{ email: 'lena@robotics.example', phone: '+4915155501234' },
			now
		);
		expect(next).toMatchObject({
			id: 'p-1',
			email: 'lena@robotics.example',
			phone: '+4915155501234',
			matchKeys: ['email:lena@robotics.example', 'phone:+4915155501234'],
			createdAt: T0,
			updatedAt: now
		});
	});

	it('keeps the old keys of a replaced email: keys only ever grow, as on the server', () => {
		const next = applyPersonEdit(
			person({ name: 'Lena Fischer', email: 'lena@old.example' }, ['email:lena@old.example', 'badge:WS-1']),
			{ email: 'lena@robotics.example' },
			now
		);
		expect(next.matchKeys).toEqual(['email:lena@old.example', 'badge:WS-1', 'email:lena@robotics.example']);
	});

	it('leaves the keys as they were when no keyed field changed', () => {
		const current = person({ name: 'Lena Fischer', email: 'lena@robotics.example' }, ['email:lena@robotics.example']);
		expect(applyPersonEdit(current, { title: 'CTO' }, now).matchKeys).toEqual(['email:lena@robotics.example']);
	});
});
