import { describe, expect, it } from 'vitest';
import { channelLinks } from '$lib/domain/queue/channels';
import { draftMessage, promiseAsOffer, topicOf } from '$lib/domain/queue/message-draft';

describe('topicOf', () => {
	it.each([
		['Talked about grid storage pilots in Lagos; she wants our battery data', 'grid storage pilots in Lagos'],
		['We discussed AI safety evals. Follow up next week', 'AI safety evals'],
		['Re: hiring a PM in Nairobi', 'hiring a PM in Nairobi'],
		['Met at booth 12 — robot arms', 'Met at booth 12'],
		['\n\nCoffee: the Dakar office', 'Coffee: the Dakar office']
	])('%j → %j', (note, topic) => {
		expect(topicOf(note)).toBe(topic);
	});

	it('keeps long topics short enough for a subject line', () => {
		const topic = topicOf('a '.repeat(60) + 'very long note');
		expect(topic.length).toBeLessThanOrEqual(71);
		expect(topic.endsWith('…')).toBe(true);
	});
});

describe('draftMessage', () => {
	const base = { myName: 'Ada Lovelace', theirName: 'Adaeze Okafor', promises: [] as string[] };

	it('quotes each conversation topic: two notes, two different drafts', () => {
		const grid = draftMessage({ ...base, note: 'Grid storage pilots in Lagos' });
		const hiring = draftMessage({ ...base, note: 'Hiring a data engineer for the Accra team' });
		expect(grid.subject).toBe('Following up on Grid storage pilots in Lagos');
		expect(hiring.subject).toBe('Following up on Hiring a data engineer for the Accra team');
		const firstSentence = (body: string) => body.split('\n')[2];
		expect(firstSentence(grid.body)).toBe('Thanks for the conversation about Grid storage pilots in Lagos.');
		expect(firstSentence(hiring.body)).toContain('Hiring a data engineer for the Accra team');
		expect(grid.body).not.toEqual(hiring.body);
		for (const draft of [grid, hiring]) expect(draft.body.toLowerCase()).not.toContain('nice to meet you');
	});

	it('turns promises into the offer', () => {
		const draft = draftMessage({
			...base,
			note: 'Battery data',
			promises: ['Send the article on sodium cells', 'Intro to Kenji'],
			eventName: 'Lagos Energy Week'
		});
		expect(draft.body).toContain('Thanks for the conversation about Battery data at Lagos Energy Week.');
		expect(draft.body).toContain('Here is the article on sodium cells I promised.');
		expect(draft.body).toContain("As promised, I'd like to introduce you to Kenji.");
		expect(draft.body.startsWith('Hi Adaeze,')).toBe(true);
		expect(draft.body.endsWith('Best,\nAda Lovelace')).toBe(true);
	});

	it('gives first when nothing was promised', () => {
		expect(draftMessage({ ...base, note: 'Fundraising', helpOffer: 'Intro to two seed investors' }).body).toContain(
			"I'd be glad to help: intro to two seed investors."
		);
		expect(draftMessage({ ...base, note: 'Fundraising', myHelpWith: 'reviewing pitch decks' }).body).toContain(
			'If it is useful, I can help with reviewing pitch decks.'
		);
		expect(draftMessage({ ...base, note: 'Fundraising' }).body).toContain(
			'Is there anything I can do to help with Fundraising?'
		);
	});

	it('writes check-ins, with or without a past note', () => {
		expect(draftMessage({ ...base, note: 'Grid storage', checkIn: true }).subject).toBe('Checking in on Grid storage');
		expect(draftMessage({ ...base, note: '', checkIn: true }).body).toContain('It has been a while since we spoke');
	});

	it.each([
		['Share the deck', 'Here is the deck I promised.'],
		['send her the paper on grids', 'Here is the paper on grids I promised.'],
		['Connect with Sam at Lumen', "As promised, I'd like to introduce you to Sam at Lumen."],
		['Call next week', 'As promised: call next week.']
	])('promise %j → %j', (promise, offer) => {
		expect(promiseAsOffer(promise)).toBe(offer);
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
