import { describe, expect, it } from 'vitest';
import { channelLinks, copiedText, defaultChannel } from '$lib/domain/queue/channels';

const message = { subject: 'Following up on pilot pricing', body: 'Hi Marek,\n\nHere is the deck I promised.\n\nAda' };
const nobody = { email: '', phone: '', linkedin: '' };

describe('sending a follow-up', () => {
	it.each([
		[{ ...nobody, email: 'marek@nowak.example', linkedin: 'https://www.linkedin.com/in/marek' }, 'email'],
		[{ ...nobody, linkedin: 'https://www.linkedin.com/in/marek', phone: '+48601234567' }, 'linkedin'],
		[{ ...nobody, phone: '+48601234567' }, 'sms'],
		[nobody, 'copy'],
		[{ ...nobody, email: 'not an email', linkedin: 'javascript:alert(1)' }, 'copy']
	])('starts "Sent by" on a channel the person has: %o → %s', (person, channel) => {
		expect(defaultChannel(person)).toBe(channel);
	});

	it('sends the body without the subject line by LinkedIn, SMS and WhatsApp', () => {
		expect(copiedText(message, 'linkedin')).toBe(message.body);
		const links = channelLinks({ ...nobody, phone: '+48601234567' }, message);
		const sms = links.find((l) => l.channel === 'sms')!.href!;
		const whatsapp = new URL(links.find((l) => l.channel === 'whatsapp')!.href!);
		expect(decodeURIComponent(sms.split('?body=')[1]!)).toBe(message.body.replace(/\n/g, '\r\n'));
		expect(whatsapp.searchParams.get('text')).toBe(message.body.replace(/\n/g, '\r\n'));
		expect(sms).not.toContain(encodeURIComponent('Following up'));
	});

	it('keeps the subject on top of a plain copy, for another mail app', () => {
		expect(copiedText(message, 'copy')).toBe(`${message.subject}\n\n${message.body}`);
		const email = new URL(channelLinks({ ...nobody, email: 'marek@nowak.example' }, message)[0]!.href!);
		expect(email.searchParams.get('subject')).toBe(message.subject);
	});
});

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
