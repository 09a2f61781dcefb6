// The push message: one JSON that is both a Declarative Web Push message (Safari 18.4+ shows it
// without running the service worker) and what the app's service worker renders elsewhere.
import type { Claim } from './claim.ts';

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** "Priya Raman — Kafka migration deck", the topic left out when the server has none. */
export function line(personName: string, topic: string): string {
	return topic ? `${personName} — ${topic}` : personName;
}

function texts(claim: Claim): { title: string; body: string } {
	const n = claim.followUps.length;
	if (claim.hideNames) return { title: 'Follow-up reminder', body: `${plural(n, 'follow-up', 'follow-ups')} due` };
	const names = claim.followUps.map((f) => line(f.personName, f.topic));
	const body = names.length <= 3 ? names.join('\n') : `${names.slice(0, 3).join('\n')}\nand ${names.length - 3} more`;
	if (claim.kind === 'summary') return { title: `${plural(n, 'person', 'people')} to follow up today`, body };
	if (claim.kind === 'overdue')
		return { title: n === 1 ? 'A follow-up is overdue' : `${plural(n, 'follow-up', 'follow-ups')} overdue`, body };
	return { title: n === 1 ? 'Follow up within 6 hours' : `${n} follow-ups due within 6 hours`, body };
}

/** Where a tap opens: the one person's follow-up, or the queue; absolute when the app's URL is known. */
export function navigateTo(claim: Claim, appUrl: string | undefined): string {
	const only = claim.followUps.length === 1 ? claim.followUps[0] : undefined;
	const path = only ? `/follow-ups/${encodeURIComponent(only.id)}` : '/follow-ups';
	return appUrl ? new URL(path, appUrl).href : path;
}

/** The Declarative Web Push JSON for a claim (RFC 8030 magic number 8030, notification, app_badge). */
export function pushMessage(claim: Claim, appUrl: string | undefined) {
	const { title, body } = texts(claim);
	const navigate = navigateTo(claim, appUrl);
	return {
		web_push: 8030,
		notification: {
			title,
			body,
			navigate,
			tag: claim.tag,
			lang: 'en',
			dir: 'ltr',
			silent: false,
			data: { url: navigate, kind: claim.kind, tag: claim.tag, follow_ups: claim.followUps.map((f) => f.id) }
		},
		app_badge: claim.openCount
	};
}
