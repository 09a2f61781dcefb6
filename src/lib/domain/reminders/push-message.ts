import * as v from 'valibot';
import { cleanLine, cleanMultiline } from '../text/display';

/**
 * The push message the reminder sender writes (Declarative Web Push, as Safari 18.4+ shows it
 * without running the service worker; other browsers' service workers render the same JSON).
 */
const PushMessage = v.object({
	web_push: v.literal(8030),
	notification: v.object({
		title: v.string(),
		body: v.optional(v.string()),
		navigate: v.string(),
		tag: v.optional(v.string()),
		lang: v.optional(v.string()),
		dir: v.optional(v.picklist(['auto', 'ltr', 'rtl'])),
		silent: v.optional(v.boolean()),
		data: v.optional(v.record(v.string(), v.unknown()))
	}),
	// Checked below: valibot's integer and minValue would join the valibot every screen loads.
	app_badge: v.optional(v.number())
});

/** A notification ready for `showNotification`: plain text only, a same-origin address to open. */
export interface PushNotification {
	title: string;
	body: string;
	tag: string;
	lang?: string;
	dir: 'auto' | 'ltr' | 'rtl';
	/** Where a tap goes, a path of this app ("/follow-ups" or "/follow-ups/<id>"). */
	url: string;
	data: Record<string, unknown>;
	/** The open count for the app icon's badge; null leaves the badge as it is. */
	badge: number | null;
}

/** The queue: where a tap goes when the message names nowhere this app can open. */
export const QUEUE_PATH = '/follow-ups';

/** What is shown for an empty or unreadable message: browsers penalise a push that shows nothing. */
export const GENERIC_NOTIFICATION: Readonly<PushNotification> = Object.freeze({
	title: 'Follow-ups are due',
	body: 'Open the app to see who to follow up.',
	tag: 'follow-ups-due',
	dir: 'auto',
	url: QUEUE_PATH,
	data: Object.freeze({ url: QUEUE_PATH }),
	badge: null
});

const APP_PATHS = /^\/(follow-ups|people)(\/[A-Za-z0-9_-]{1,100})?\/?$/;

/**
 * A same-origin path a notification may open: the queue, one follow-up or one person's page.
 * Anything else (another site, a `javascript:` URL, an unknown path) opens the queue.
 */
export function safeAppPath(address: unknown, origin: string): string {
	if (typeof address !== 'string') return QUEUE_PATH;
	try {
		const url = new URL(address, origin);
		if (url.origin !== origin || !APP_PATHS.test(url.pathname)) return QUEUE_PATH;
		return url.pathname;
	} catch {
		return QUEUE_PATH;
	}
}

/**
 * Reads a push message's text (`PushEvent.data.text()`, or null when it carried none) into the
 * notification to show. Never fails: an empty, unreadable or unexpected message gives the generic
 * "Follow-ups are due". Text is cleaned of control and bidi characters and capped in length.
 */
export function readPushMessage(text: string | null, origin: string): PushNotification {
	let json: unknown;
	try {
		json = text ? JSON.parse(text) : null;
	} catch {
		return GENERIC_NOTIFICATION;
	}
	const parsed = v.safeParse(PushMessage, json);
	if (!parsed.success) return GENERIC_NOTIFICATION;
	const { notification: n, app_badge } = parsed.output;
	const title = cleanLine(n.title, 120);
	if (!title || (app_badge !== undefined && !(Number.isInteger(app_badge) && app_badge >= 0)))
		return GENERIC_NOTIFICATION;
	const url = safeAppPath(n.navigate, origin);
	const lang = n.lang && /^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$/.test(n.lang) ? n.lang : undefined;
	return {
		title,
		body: cleanMultiline(n.body ?? '', 500),
		tag: cleanLine(n.tag ?? '', 200) || GENERIC_NOTIFICATION.tag,
		...(lang && { lang }),
		dir: n.dir ?? 'auto',
		url,
		data: { ...n.data, url },
		badge: app_badge ?? null
	};
}
