// The digest's unsubscribe: a GET shows a button (mail scanners follow links, so a GET changes
// nothing); the POST — the button, or the mail client's RFC 8058 one-click — turns the digest off.
import type postgres from 'npm:postgres@3.4.7';

/** Turns the digest off for `userId` (app_private.stop_digest; the token was checked before). */
export async function turnDigestOff(sql: postgres.Sql, userId: string): Promise<void> {
	await sql`select app_private.stop_digest(${userId})`;
}

export function unsubscribePage(valid: boolean, url: URL, status = valid ? 200 : 403, done = false): Response {
	// Relative: the page's own address, whatever path the platform serves the function under.
	const action = `?token=${encodeURIComponent(url.searchParams.get('token') ?? '')}`;
	const body = done
		? '<h1>Email digest turned off</h1><p>You will not get the daily follow-up email any more. You can turn it on again in Settings → Reminders.</p>'
		: valid
			? `<h1>Turn off the email digest?</h1><form method="post" action="${action.replace(/"/g, '&quot;')}"><button type="submit">Turn off the digest</button></form>`
			: '<h1>This link is not valid</h1><p>Turn the digest off in the app: Settings → Reminders.</p>';
	const page = `<!doctype html><html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Email digest</title></head><body>${body}</body></html>`;
	return new Response(page, { status, headers: { 'content-type': 'text/html; charset=utf-8' } });
}
