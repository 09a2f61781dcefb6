import { describe, expect, it } from 'vitest';
import { sendBackMailto } from '$lib/domain/card/send-back';
import type { SharedCard } from '$lib/domain/card/share-link';
import { parseBadgePayload } from '$lib/domain/contact/parse-payload';
import { makeCard } from '../../../support/factories';

const owner: SharedCard = {
	name: 'Grace Hopper',
	title: '',
	company: 'Compiler Corp',
	email: 'grace@compiler.example',
	phone: '',
	link: '',
	helpWith: ''
};

describe('sendBackMailto', () => {
	it('writes to the owner, says who and where, and carries the visitor’s card as a link', () => {
		const made = makeCard({ name: 'Katherine Johnson', title: 'Mathematician', company: 'NASA', phone: '' });
		const mailto = sendBackMailto(owner, made, '  We met at the compiler talk. ', 'https://app.example')!;
		expect(mailto).toMatch(/^mailto:grace@compiler\.example\?subject=/);
		const params = new URLSearchParams(mailto.split('?')[1]);
		expect(params.get('subject')).toBe('Katherine Johnson — my contact details');
		const body = params.get('body')!;
		expect(body.split('\n').slice(0, 5)).toEqual([
			'Hi Grace,',
			'',
			'This is Katherine Johnson (Mathematician, NASA). We met at the compiler talk.',
			'',
			'Email: ada@difference.example'
		]);
		expect(body).not.toContain('Phone:');
		const link = /^My card: (\S+)$/m.exec(body)![1]!;
		expect(link.startsWith('https://app.example/c#1')).toBe(true);
		expect(parseBadgePayload(link).fields).toMatchObject({ name: 'Katherine Johnson', org: 'NASA' });
	});

	it('offers no email when the owner’s card has no address', () => {
		expect(sendBackMailto({ ...owner, email: '' }, makeCard(), '', 'https://app.example')).toBeNull();
	});
});
