// The bearer check and the digest's unsubscribe token, both compared in constant time.
import { createHash, createHmac, timingSafeEqual } from 'node:crypto';

const digest = (value: string) => createHash('sha256').update(value).digest();

/** True when `header` is exactly `Bearer <secret>` (hashed first so lengths leak nothing either). */
export function bearerMatches(header: string | null, secret: string): boolean {
	return timingSafeEqual(digest(header ?? ''), digest(`Bearer ${secret}`));
}

const mac = (userId: string, secret: string) => createHmac('sha256', secret).update(userId).digest('base64url');

/** `<user id>.<HMAC-SHA256 of the user id keyed by the secret>`: works without signing in. */
export function unsubscribeToken(userId: string, secret: string): string {
	return `${userId}.${mac(userId, secret)}`;
}

/** The user id a token was made for, or null when it was not made with this secret. */
export function userOfToken(token: string, secret: string): string | null {
	const dot = token.lastIndexOf('.');
	if (dot <= 0) return null;
	const userId = token.slice(0, dot);
	const given = Buffer.from(token.slice(dot + 1), 'base64url');
	const expected = Buffer.from(mac(userId, secret), 'base64url');
	return given.length === expected.length && timingSafeEqual(given, expected) ? userId : null;
}

/** The digest's unsubscribe link: `base` (this function's public /unsubscribe URL) with the token. */
export function unsubscribeLink(base: string, userId: string, secret: string): string {
	const url = new URL(base);
	url.searchParams.set('token', unsubscribeToken(userId, secret));
	return url.href;
}
