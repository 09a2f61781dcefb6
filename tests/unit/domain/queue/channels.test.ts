import { describe, expect, it } from 'vitest';
import { channelLinks } from '$lib/domain/queue/channels';

describe('channelLinks', () => {
	const message = { subject: 'Following up on grids & storage', body: 'Hi Ada,\n\nThanks — 100% useful?\n\nBest' };

	it('offers only the channels the person has details for', () => {
		expect(channelLinks({ email: '', phone: '', linkedin: '' }, message).map((c) => c.channel)).toEqual(['copy']);
		const all = channelLinks(
			{ email: 'a@b.example', phone: '+4915155501234', linkedin: 'https://www.linkedin.com/in/ada' },
			message
		);
		expect(all.map((c) => c.channel)).toEqual(['email', 'linkedin', 'sms', 'whatsapp', 'copy']);
	});

	it('encodes subject and body in mailto:, sms: and wa.me links', () => {
		const links = channelLinks({ email: 'a@b.example', phone: '+4915155501234', linkedin: '' }, message);
		const email = new URL(links.find((l) => l.channel === 'email')!.href!);
		expect(email.protocol).toBe('mailto:');
		expect(email.searchParams.get('subject')).toBe(message.subject);
		expect(email.searchParams.get('body')).toBe(message.body.replace(/\n/g, '\r\n'));
		const wa = new URL(links.find((l) => l.channel === 'whatsapp')!.href!);
		expect(wa.origin + wa.pathname).toBe('https://wa.me/4915155501234');
		expect(wa.searchParams.get('text')).toBe(message.body.replace(/\n/g, '\r\n'));
		expect(links.find((l) => l.channel === 'sms')!.href).toMatch(/^sms:\+4915155501234\?body=Hi%20Ada%2C/);
	});

	it('never turns a javascript: profile into a link', () => {
		expect(
			channelLinks({ email: '', phone: '', linkedin: 'javascript:alert(1)' }, message).map((c) => c.channel)
		).toEqual(['copy']);
	});
});
