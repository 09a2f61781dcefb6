// Words a person can act on for what the auth server (GoTrue, supabase/auth) answers when the app
// asks for a code (signInWithOtp → POST /otp) or signs in with it (verifyOtp → POST /verify).
// supabase-js turns an error answer into an AuthApiError with the HTTP `status` and the server's
// `code` (auth-js lib/fetch.ts handleError: `code` under API version 2024-01-01, `error_code`
// before); no answer at all is an AuthRetryableFetchError (status 0, or a 5xx).
// The codes are supabase/auth internal/api/apierrors/errorcode.go.

/** What the code field says about the code. */
export const CODE_HINT = 'The code in the email: 6 to 10 digits.';

/**
 * The code as the auth server takes it, from what the person typed or pasted (spaces and dashes
 * dropped, as the server drops dashes: internal/api/verify.go), or null when it cannot be one. The
 * project sets the length, otp_length, 6 to 10 digits (supabase/cli pkg/config/auth.go), so any of
 * those lengths is taken.
 */
export function typedCode(text: string): string | null {
	const code = text.replace(/[\s-]+/g, '');
	return /^\d{6,10}$/.test(code) ? code : null;
}

/** The parts of a supabase-js auth error the messages depend on. */
export interface AuthErrorLike {
	name?: string;
	message?: string;
	status?: number;
	code?: string;
}

const UNREACHABLE = 'The sign-in server could not be reached. Check your connection and try again.';
const SERVER_PROBLEM = 'The sign-in server had a problem. Try again in a minute.';

// "For security purposes, you can only request this after N seconds." — a new code asked for
// within the project's max_frequency of the last one (supabase/auth internal/api/mail.go
// validateSentWithinFrequencyLimit; internal/api/errors.go generateFrequencyLimitErrorMessage).
const RESEND_WAIT = /only request this after (\d+) seconds?/i;

function unreachable(error: AuthErrorLike): boolean {
	return (
		(error.name === 'AuthRetryableFetchError' && !(error.status && error.status >= 500)) ||
		error.status === 0 ||
		/failed to fetch|fetch failed|networkerror|load failed/i.test(error.message ?? '')
	);
}

/** What to do about an answer that is the same whichever step asked. */
function commonMessage(error: AuthErrorLike): string | null {
	if (unreachable(error)) return UNREACHABLE;
	if (error.status && error.status >= 500) return SERVER_PROBLEM;
	switch (error.code) {
		// The request rate limit per IP address (internal/api/middleware.go, 429).
		case 'over_request_rate_limit':
			return 'Too many sign-in attempts from this network. Wait a few minutes, then try again.';
		// internal/api/middleware.go requireEmailProvider: 400 "Email logins are disabled".
		case 'email_provider_disabled':
			return "Signing in by email is turned off in this app's Supabase project. Its owner needs to turn it on (Authentication → Providers → Email).";
		// A new address while sign-ups are off: internal/api/otp.go 422 otp_disabled "Signups not
		// allowed for otp"; signup_disabled elsewhere.
		case 'otp_disabled':
		case 'signup_disabled':
			return "This app's Supabase project does not take new accounts. Ask its owner to allow sign-ups, or to add you.";
	}
	return null;
}

/** A person's words for a failed "Email me a code" (signInWithOtp). */
export function sendCodeMessage(error: AuthErrorLike): string {
	// Code requests per IP address (sign_in_sign_ups per 5 minutes after a burst of 30:
	// internal/api/options.go); a venue's Wi-Fi is one address for everyone on it.
	if (error.code === 'over_request_rate_limit')
		return 'Too many sign-in codes were asked for from this network. Try again in a few minutes.';
	const common = commonMessage(error);
	if (common) return common;
	const wait = RESEND_WAIT.exec(error.message ?? '');
	if (wait) {
		const seconds = Number(wait[1]);
		return `A code was sent to this address moments ago. Use that one, or ask for a new one in ${seconds} second${seconds === 1 ? '' : 's'}.`;
	}
	switch (error.code) {
		// The built-in mailer only sends to members of the project's organisation
		// (internal/api/mail.go sendEmail: 400 "Email address … cannot be used as it is not authorized").
		case 'email_address_not_authorized':
			return "This address can't be sent a code yet: the Supabase project behind this app still uses Supabase's built-in email, which only sends to members of the project's team. The project's owner needs to set up their own email service (custom SMTP) in Supabase.";
		// The project's emails per hour (429 "email rate limit exceeded"), a bucket that refills
		// through the hour (internal/api/options.go, `RateLimitEmailSent/(60*60)`); the built-in mailer
		// allows only a few an hour: https://supabase.com/docs/guides/auth/rate-limits.
		case 'over_email_send_rate_limit':
			return "Too many sign-in codes were sent in the last hour, for everyone using this app. Try again in a few minutes. (If this keeps happening, the project's owner needs to raise its email limit, or set up their own email service, custom SMTP, in Supabase.)";
		// CAPTCHA turned on in the project (internal/api/middleware.go verifyCaptcha: 400
		// captcha_failed), which this version of the app cannot show.
		case 'captcha_failed':
			return "This app's Supabase project asks for a CAPTCHA check that this version of the app can't show. Its owner needs to turn CAPTCHA off, or update the app.";
		case 'email_address_invalid':
		case 'validation_failed':
			return 'The sign-in server did not accept this email address. Check it and try again.';
	}
	if (error.status === 429) return 'Too many tries. Wait a minute, then try again.';
	return 'The code could not be sent. Try again in a minute.';
}

/** A person's words for a failed "Sign in" with a code (verifyOtp). */
export function verifyCodeMessage(error: AuthErrorLike): string {
	const common = commonMessage(error);
	if (common) return common;
	switch (error.code) {
		// A wrong, expired or already used code, or one replaced by a newer email: all are 403
		// otp_expired "Token has expired or is invalid" (internal/api/verify.go).
		case 'otp_expired':
			return "That code didn't work: it may be mistyped, expired or already used, and only the newest email's code works. Check it, or ask for a new one.";
		case 'user_banned':
			return "This account can't sign in. Ask the app's owner.";
	}
	if (error.status === 429) return 'Too many tries. Wait a minute, then try again.';
	return "That code didn't work. Check it, or ask for a new one.";
}
