// One row of app_private.claim_reminders, checked at the boundary: the sender trusts nothing it did
// not check (a malformed row is finished as failed rather than crashing the pass for everyone).

export type Kind = 'due_soon' | 'summary' | 'overdue';

export interface FollowUpItem {
	id: string;
	personName: string;
	topic: string;
	dueAt: string;
}

export interface Subscription {
	id: string;
	endpoint: string;
	p256dh: string;
	auth: string;
}

export interface Claim {
	claimId: string;
	/** 32 hex digits, stable across retries: the notification's tag and the Web Push Topic header. */
	tag: string;
	attempt: number;
	userId: string;
	kind: Kind;
	followUps: FollowUpItem[];
	openCount: number;
	hideNames: boolean;
	subscriptions: Subscription[];
	/** Set only for a summary with the digest on. */
	email: string | null;
}

const text = (value: unknown, name: string): string => {
	if (typeof value !== 'string' || value === '') throw new Error(`claim: ${name} missing`);
	return value;
};
const list = (value: unknown): Record<string, unknown>[] =>
	Array.isArray(value) ? value : typeof value === 'string' ? JSON.parse(value) : [];

/** Reads a claim row (snake_case columns, jsonb lists) into a Claim, or throws. */
export function readClaim(row: Record<string, unknown>): Claim {
	const kind = row.kind;
	if (kind !== 'due_soon' && kind !== 'summary' && kind !== 'overdue') throw new Error(`claim: kind ${kind}`);
	const tag = String(row.tag ?? '');
	if (!/^[0-9a-f]{32}$/.test(tag)) throw new Error(`claim: tag ${tag}`);
	return {
		claimId: text(String(row.claim_id ?? ''), 'claim_id'),
		tag,
		attempt: Number(row.attempt ?? 1),
		userId: text(String(row.user_id ?? ''), 'user_id'),
		kind,
		followUps: list(row.follow_ups).map((f) => ({
			id: text(String(f.follow_up_id ?? ''), 'follow_up_id'),
			personName: String(f.person_name ?? ''),
			topic: String(f.topic ?? ''),
			dueAt: String(f.due_at ?? '')
		})),
		openCount: Number(row.open_count ?? 0),
		hideNames: row.hide_names === true,
		subscriptions: list(row.subscriptions).map((s) => ({
			id: text(String(s.id ?? ''), 'subscription id'),
			endpoint: text(s.endpoint, 'endpoint'),
			p256dh: text(s.p256dh, 'p256dh'),
			auth: text(s.auth, 'auth')
		})),
		email: typeof row.email === 'string' && row.email !== '' ? row.email : null
	};
}
