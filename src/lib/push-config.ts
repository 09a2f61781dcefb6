// A module of its own, not in config.ts: that one is in the chunk every screen loads, and only
// Settings → Reminders and the service worker need this.
/**
 * The Web Push VAPID public key (base64url) from PUBLIC_VAPID_PUBLIC_KEY, fixed at build time; null
 * when push reminders are not set up in this copy of the app.
 */
export function vapidPublicKey(): string | null {
	const key = import.meta.env.PUBLIC_VAPID_PUBLIC_KEY?.trim();
	return key && /^[A-Za-z0-9_-]{80,100}={0,2}$/.test(key) ? key : null;
}
