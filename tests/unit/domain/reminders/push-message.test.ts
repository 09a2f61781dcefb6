import { describe, expect, it } from 'vitest';
import { GENERIC_NOTIFICATION, readPushMessage, safeAppPath } from '$lib/domain/reminders/push-message';

const ORIGIN = 'https://app.example';
const message = (notification: Record<string, unknown>, extra: Record<string, unknown> = {}) =>
	JSON.stringify({ web_push: 8030, notification, ...extra });

describe('readPushMessage', () => {
	it("reads the sender's Declarative Web Push JSON", () => {
		const shown = readPushMessage(
			message(
				{
					title: 'Follow up with Priya Raman',
					body: 'Kafka migration deck · due in 5 h',
					navigate: '/follow-ups/0b9f1c2e-5d1a-4c5e-9a43-3e1f2b6f7a10',
					tag: 'reminder:42',
					lang: 'en-GB',
					dir: 'ltr',
					silent: false,
					data: { claim: 42 }
				},
				{ app_badge: 3 }
			),
			ORIGIN
		);
		expect(shown).toEqual({
			title: 'Follow up with Priya Raman',
			body: 'Kafka migration deck · due in 5 h',
			tag: 'reminder:42',
			lang: 'en-GB',
			dir: 'ltr',
			url: '/follow-ups/0b9f1c2e-5d1a-4c5e-9a43-3e1f2b6f7a10',
			data: { claim: 42, url: '/follow-ups/0b9f1c2e-5d1a-4c5e-9a43-3e1f2b6f7a10' },
			badge: 3
		});
	});

	it('reads the message as send-reminders writes it (absolute navigate, a body of several lines)', () => {
		const navigate = `${ORIGIN}/follow-ups/0b9f1c2e-5d1a-4c5e-9a43-3e1f2b6f7a10`;
		const shown = readPushMessage(
			message(
				{
					title: 'Follow up within 6 hours',
					body: 'Priya Raman — Kafka migration deck\nTomasz Nowak',
					navigate,
					tag: '3f2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d',
					lang: 'en',
					dir: 'ltr',
					silent: false,
					data: { url: navigate, kind: 'due_soon', tag: '3f2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d', follow_ups: ['0b9f'] }
				},
				{ app_badge: 2 }
			),
			ORIGIN
		);
		expect(shown).toMatchObject({
			title: 'Follow up within 6 hours',
			body: 'Priya Raman — Kafka migration deck\nTomasz Nowak',
			tag: '3f2b1c0d9e8f7a6b5c4d3e2f1a0b9c8d',
			url: '/follow-ups/0b9f1c2e-5d1a-4c5e-9a43-3e1f2b6f7a10',
			data: { kind: 'due_soon', url: '/follow-ups/0b9f1c2e-5d1a-4c5e-9a43-3e1f2b6f7a10', follow_ups: ['0b9f'] },
			badge: 2
		});
	});

	it('takes an absolute address of this app, and leaves the badge alone when none is given', () => {
		const shown = readPushMessage(message({ title: '3 follow-ups due', navigate: `${ORIGIN}/follow-ups` }), ORIGIN);
		expect(shown.url).toBe('/follow-ups');
		expect(shown.badge).toBeNull();
		expect(shown.body).toBe('');
		expect(shown.tag).toBe(GENERIC_NOTIFICATION.tag);
	});

	it.each([
		['no data', null],
		['empty text', ''],
		['not JSON', '<b>Follow up</b>'],
		['another format', JSON.stringify({ title: 'Hi', body: 'x' })],
		['wrong magic number', JSON.stringify({ web_push: 1, notification: { title: 'x', navigate: '/follow-ups' } })],
		['no title', message({ navigate: '/follow-ups' })],
		['a title of spaces and controls', message({ title: ' \u202e\u0007 ', navigate: '/follow-ups' })],
		['no navigate', message({ title: 'x' })],
		['a negative badge', message({ title: 'x', navigate: '/follow-ups' }, { app_badge: -1 })],
		['a JSON array', '[1,2]']
	])('shows the generic notification for %s', (_, text) => {
		expect(readPushMessage(text, ORIGIN)).toEqual(GENERIC_NOTIFICATION);
	});

	it('keeps text as text: markup stays literal, bidi overrides and controls go, length is capped', () => {
		const shown = readPushMessage(
			message({
				title: '<img src=x onerror=alert(1)> \u202eevil\u202c',
				body: `<script>alert(1)</script>\u0000${'x'.repeat(900)}`,
				navigate: '/follow-ups',
				lang: 'en"><script>',
				dir: 'ltr'
			}),
			ORIGIN
		);
		expect(shown.title).toBe('<img src=x onerror=alert(1)> evil');
		expect(shown.body.startsWith('<script>alert(1)</script>x')).toBe(true);
		expect(shown.body.length).toBeLessThanOrEqual(500);
		expect(shown.lang).toBeUndefined();
	});
});

describe('safeAppPath', () => {
	it.each([
		['/follow-ups', '/follow-ups'],
		['/follow-ups/abc-123', '/follow-ups/abc-123'],
		['/people/abc-123', '/people/abc-123'],
		[`${ORIGIN}/people/abc`, '/people/abc'],
		['https://evil.example/follow-ups', '/follow-ups'],
		['//evil.example/follow-ups/x', '/follow-ups'],
		['javascript:alert(1)', '/follow-ups'],
		['/settings', '/follow-ups'],
		['/follow-ups/../settings', '/follow-ups'],
		[42, '/follow-ups'],
		[undefined, '/follow-ups']
	])('%s opens %s', (address, path) => {
		expect(safeAppPath(address, ORIGIN)).toBe(path);
	});
});
