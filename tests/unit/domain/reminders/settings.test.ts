import { describe, expect, it } from 'vitest';
import { pushAvailability, type PushFacts } from '$lib/domain/reminders/availability';
import {
	DEFAULT_REMINDER_SETTINGS,
	clockProblem,
	readReminderSettings,
	reminderSettingsPatch
} from '$lib/domain/reminders/settings';

describe('reminder settings', () => {
	const server = {
		digest: false,
		digest_time: '08:00',
		quiet_start: '21:00',
		quiet_end: '08:00',
		time_zone: 'UTC',
		hide_names: false
	};

	it("reads the server's defaults", () => {
		expect(readReminderSettings(server)).toEqual(DEFAULT_REMINDER_SETTINGS);
	});

	it('refuses an answer of another shape', () => {
		expect(readReminderSettings({ ...server, digest_time: '8 am' })).toBeNull();
		expect(readReminderSettings({ ...server, hide_names: 'no' })).toBeNull();
		expect(readReminderSettings(null)).toBeNull();
	});

	it("writes only the settings changed, in the server's words", () => {
		expect(reminderSettingsPatch({ digest: true, digestTime: '07:30' })).toEqual({
			digest: true,
			digest_time: '07:30'
		});
		expect(
			reminderSettingsPatch({ quietStart: '22:00', quietEnd: '07:00', hideNames: true, timeZone: 'Asia/Tokyo' })
		).toEqual({
			quiet_start: '22:00',
			quiet_end: '07:00',
			hide_names: true,
			time_zone: 'Asia/Tokyo'
		});
	});

	it('checks typed times', () => {
		expect(clockProblem('07:30')).toBeNull();
		expect(clockProblem('24:00')).toBe('Enter a time such as 08:00.');
		expect(clockProblem('')).toBe('Enter a time such as 08:00.');
	});
});

describe('pushAvailability', () => {
	const ready: PushFacts = {
		pushApi: true,
		permission: 'default',
		vapidKey: true,
		ios: false,
		standalone: false,
		account: 'signed-in'
	};

	it.each<[string, Partial<PushFacts>, string]>([
		['a signed-in browser with push', {}, 'ready'],
		['permission already granted', { permission: 'granted' }, 'ready'],
		['local-only mode, whatever the browser', { account: 'local-only', ios: true }, 'local-only'],
		['an iPhone Safari tab', { ios: true, pushApi: false }, 'ios-home-screen'],
		['an iPhone Home Screen app on iOS 16.4+', { ios: true, standalone: true }, 'ready'],
		['an iPhone Home Screen app before iOS 16.4', { ios: true, standalone: true, pushApi: false }, 'ios-update'],
		['a browser without PushManager', { pushApi: false }, 'unsupported'],
		['no VAPID key built in', { vapidKey: false }, 'not-configured'],
		['permission denied', { permission: 'denied' }, 'denied'],
		['not signed in', { account: 'signed-out' }, 'signed-out'],
		['a session that ended', { account: 'session-ended' }, 'signed-out'],
		['the account still being read', { account: 'loading' }, 'checking']
	])('%s: %s', (_, facts, expected) => {
		expect(pushAvailability({ ...ready, ...facts })).toBe(expected);
	});
});
