// The email digest: a plain-text and an HTML part, a link that opens the queue, and a one-click
// unsubscribe (RFC 8058) that works without signing in. Sent over SMTP with implicit TLS (port 465:
// Edge Functions cannot reach 25 or 587).
import nodemailer from 'npm:nodemailer@10.6.1';
import type { Claim } from './claim.ts';
import { line } from './message.ts';

export interface Digest {
	to: string;
	subject: string;
	text: string;
	html: string;
	headers: Record<string, string>;
}

const escapeHtml = (value: string) =>
	value.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/** The digest for a summary claim; `unsubscribeUrl` already carries the user's token. */
export function digestFor(claim: Claim, appUrl: string, unsubscribeUrl: string): Digest {
	const n = claim.followUps.length;
	const subject = `${n} ${n === 1 ? 'person' : 'people'} to follow up today`;
	const queue = new URL('/follow-ups', appUrl).href;
	const lines = claim.followUps.map((f) => line(f.personName, f.topic));
	const text = [
		`${subject}:`,
		'',
		...lines.map((l) => `- ${l}`),
		'',
		`Open your follow-ups: ${queue}`,
		'',
		'You get this email because the daily digest is on.',
		`Turn it off: ${unsubscribeUrl}`,
		''
	].join('\n');
	const html = `<!doctype html>
<html lang="en"><body>
<p>${escapeHtml(subject)}:</p>
<ul>
${lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('\n')}
</ul>
<p><a href="${escapeHtml(queue)}">Open your follow-ups</a></p>
<p style="color:#666;font-size:small">You get this email because the daily digest is on.
<a href="${escapeHtml(unsubscribeUrl)}">Turn it off</a></p>
</body></html>
`;
	return {
		to: claim.email ?? '',
		subject,
		text,
		html,
		headers: { 'List-Unsubscribe': `<${unsubscribeUrl}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' }
	};
}

/** A mailer for one pass over SMTP_URL (e.g. smtps://user:pass@smtp.example.com:465). */
export function mailer(smtpUrl: string, from: string, timeoutMs: number) {
	const url = new URL(smtpUrl);
	const secure = url.protocol === 'smtps:';
	const transport = nodemailer.createTransport({
		host: url.hostname,
		port: Number(url.port) || (secure ? 465 : 25),
		secure,
		auth: url.username ? { user: decodeURIComponent(url.username), pass: decodeURIComponent(url.password) } : undefined,
		pool: true,
		maxConnections: 2,
		connectionTimeout: timeoutMs,
		greetingTimeout: timeoutMs,
		socketTimeout: timeoutMs
	});
	return {
		/** True when the server accepted the message; false for anything to retry on a later run. */
		async send(digest: Digest): Promise<boolean> {
			try {
				await transport.sendMail({ from, ...digest });
				return true;
			} catch (error) {
				console.error(`digest not sent: ${(error as Error).message}`);
				return false;
			}
		},
		close() {
			transport.close();
		}
	};
}
