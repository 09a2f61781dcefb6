// TEST TOOL: the stand-in's outgoing email, as GoTrue sends it (supabase/auth internal/api/mail.go
// sendEmail), kept in a mailbox a test reads (Supabase's local stack has one too: Inbucket/Mailpit).
import type { AuthSettings } from './config';
import { GotrueError } from './gotrue-errors';

/** Which template an email used (supabase/auth internal/mailer: the email action types). */
export type MailTemplate = 'confirmation' | 'magic_link' | 'recovery' | 'invite' | 'email_change' | 'reauthentication';

export interface MailMessage {
	to: string;
	template: MailTemplate;
	code: string;
	/** On the stand-in's clock, milliseconds. */
	sentAt: number;
}

/**
 * Supabase's built-in mailer (no custom SMTP): it sends only to members of the project's
 * organisation and about two emails an hour (docs: "Auth rate limits", "Custom SMTP").
 */
export interface BuiltInMailer {
	/** The organisation's members' addresses; mail to anyone else is refused. */
	members: string[];
	/** Emails per hour for the whole project (default 2). */
	perHour?: number;
}

const HOUR = 3_600_000;

export class Mailer {
	private readonly sent: MailMessage[] = [];
	private readonly sendTimes: number[] = [];

	constructor(private readonly builtIn: BuiltInMailer | null) {}

	/** The messages sent to an address, oldest first. */
	messages(email: string): MailMessage[] {
		return this.sent.filter((m) => m.to === email.toLowerCase());
	}

	/**
	 * Checks that GoTrue would send this email now; throws its error if not. In sendEmail's order:
	 * the address must be authorized, then the hourly cap applies.
	 */
	check(to: string, settings: AuthSettings, now: number): void {
		// mail.go checkEmailAddressAuthorization: labels (+tag) are ignored, case-insensitive.
		if (this.builtIn) {
			const normalized = to.replace(/[+][^@]+@/, '@').toLowerCase();
			if (!this.builtIn.members.some((m) => m.toLowerCase() === normalized))
				throw new GotrueError(
					400,
					'email_address_not_authorized',
					`Email address ${JSON.stringify(to)} cannot be used as it is not authorized`
				);
		}
		// mail.go sendEmail: the limiter is skipped when sign-ups are auto-confirmed ("TODO(km):
		// Deprecate this behaviour"); 0 refuses every email. A sliding hour stands in for GoTrue's
		// token bucket.
		const perHour = this.builtIn ? (this.builtIn.perHour ?? 2) : settings.emailSentPerHour;
		if (perHour === null || !settings.enableConfirmations) return;
		const recent = this.sendTimes.filter((t) => now - t < HOUR).length;
		if (perHour === 0 || recent >= perHour)
			throw new GotrueError(429, 'over_email_send_rate_limit', 'email rate limit exceeded');
	}

	/** Delivers messages whose transaction committed. */
	deliver(messages: MailMessage[]): void {
		for (const m of messages) {
			this.sent.push(m);
			this.sendTimes.push(m.sentAt);
		}
	}
}
