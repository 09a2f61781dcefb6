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
