import { AuthClient } from '@supabase/supabase-js';
import { describe, expect, it } from 'vitest';
import { sendCodeMessage, typedCode, verifyCodeMessage } from '$lib/adapters/supabase/auth-messages';

// The auth server's answers as it sends them, turned into errors by supabase-js itself (auth-js
// lib/fetch.ts handleError), then into words. Bodies: supabase/auth internal/api/errors.go —
// `{ code, message }` under API version 2024-01-01 (the X-Supabase-Api-Version header supabase-js
// sends), `{ code: <status>, error_code, msg }` before it. Codes: internal/api/apierrors/errorcode.go.
type Answer = { status: number; code: string; message: string; legacy?: boolean } | 'no network';

function authServer(answer: Answer): typeof fetch {
	return async () => {
		if (answer === 'no network') throw new TypeError('Failed to fetch');
		const { status, code, message, legacy } = answer;
		const body = legacy ? { code: status, error_code: code, msg: message } : { code, message };
		const headers: Record<string, string> = { 'content-type': 'application/json' };
		if (!legacy) headers['x-supabase-api-version'] = '2024-01-01';
		return new Response(JSON.stringify(body), { status, headers });
	};
}

const client = (answer: Answer) =>
	new AuthClient({
		url: 'http://auth.test/auth/v1',
		fetch: authServer(answer),
		persistSession: false,
		autoRefreshToken: false,
		detectSessionInUrl: false
	});

async function whenSending(answer: Answer): Promise<string> {
	const { error } = await client(answer).signInWithOtp({ email: 'ada@example.org' });
	expect(error).not.toBeNull();
	return sendCodeMessage(error!);
}

async function whenVerifying(answer: Answer): Promise<string> {
	const { error } = await client(answer).verifyOtp({ email: 'ada@example.org', token: '12345678', type: 'email' });
	expect(error).not.toBeNull();
	return verifyCodeMessage(error!);
}

describe('asking for a code', () => {
	it('an address the built-in mailer will not send to: the project owner must set up SMTP', async () => {
		// internal/api/mail.go sendEmail: the built-in mailer sends only to the organisation's members.
		const message = await whenSending({
			status: 400,
			code: 'email_address_not_authorized',
			message: 'Email address "ada@example.org" cannot be used as it is not authorized'
		});
		expect(message).toMatch(/only sends to members of the project's team/);
		expect(message).toMatch(/owner needs to set up their own email service \(custom SMTP\)/);
	});

	it('a new code too soon after the last: how long to wait, and that the last one still works', async () => {
		// internal/api/mail.go validateSentWithinFrequencyLimit (max_frequency, 60 s by default).
		const resend = {
			status: 429,
			code: 'over_email_send_rate_limit',
			message: 'For security purposes, you can only request this after 42 seconds.'
		};
		expect(await whenSending(resend)).toBe(
			'A code was sent to this address moments ago. Use that one, or ask for a new one in 42 seconds.'
		);
		expect(await whenSending({ ...resend, message: resend.message.replace('42', '1'), legacy: true })).toMatch(
			/in 1 second\.$/
		);
	});

	it('the project has sent all the emails it may this hour', async () => {
		const message = await whenSending({
			status: 429,
			code: 'over_email_send_rate_limit',
			message: 'email rate limit exceeded'
		});
		expect(message).toMatch(
			/^Too many sign-in codes were sent in the last hour, for everyone using this app\. Try again in a few minutes\./
		);
		expect(message).toMatch(/custom SMTP/);
	});

	it('too many requests from this network, new accounts off, no network, a server error', async () => {
		expect(
			await whenSending({ status: 429, code: 'over_request_rate_limit', message: 'Request rate limit reached' })
		).toBe('Too many sign-in codes were asked for from this network. Try again in a few minutes.');
		expect(
			await whenSending({
				status: 400,
				code: 'captcha_failed',
				message: 'captcha protection: request disallowed (no-captcha-response)'
			})
		).toMatch(/asks for a CAPTCHA check that this version of the app can't show/);
		expect(await whenSending({ status: 422, code: 'otp_disabled', message: 'Signups not allowed for otp' })).toMatch(
			/does not take new accounts/
		);
		expect(
			await whenSending({ status: 400, code: 'email_provider_disabled', message: 'Email logins are disabled' })
		).toMatch(/Signing in by email is turned off/);
		expect(await whenSending('no network')).toBe(
			'The sign-in server could not be reached. Check your connection and try again.'
		);
		expect(await whenSending({ status: 503, code: 'unexpected_failure', message: 'Service Unavailable' })).toBe(
			'The sign-in server had a problem. Try again in a minute.'
		);
	});
});

describe('signing in with the code', () => {
	it('a wrong, expired, used or replaced code: check it or ask for a new one', async () => {
		// internal/api/verify.go: every one of these is 403 otp_expired.
		const message = await whenVerifying({
			status: 403,
			code: 'otp_expired',
			message: 'Token has expired or is invalid'
		});
		expect(message).toBe(
			"That code didn't work: it may be mistyped, expired or already used, and only the newest email's code works. Check it, or ask for a new one."
		);
		expect(await whenVerifying({ status: 403, code: 'otp_expired', message: 'x', legacy: true })).toBe(message);
	});

	it('too many attempts, no network', async () => {
		expect(
			await whenVerifying({ status: 429, code: 'over_request_rate_limit', message: 'Request rate limit reached' })
		).toMatch(/^Too many sign-in attempts/);
		expect(await whenVerifying('no network')).toMatch(/could not be reached/);
	});
});

describe('the code field', () => {
	it('takes a code of any length a project may send (otp_length 6 to 10), spaced or dashed', () => {
		expect(typedCode('123456')).toBe('123456');
		expect(typedCode(' 1234 5678 ')).toBe('12345678');
		expect(typedCode('12345-67890')).toBe('1234567890');
		expect(typedCode('12345')).toBeNull();
		expect(typedCode('12345678901')).toBeNull();
		expect(typedCode('12345a')).toBeNull();
	});
});
