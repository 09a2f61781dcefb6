import type { ActionChanges, UndoSnapshot } from '$lib/adapters/local/follow-up-store';
import type { FollowUpDetail } from '$lib/domain/queue/views';
import type { Channel, MessageDraft, PromiseItem } from '$lib/domain/capture/records';
import {
	markDone,
	markNotAFit,
	planCheckIn,
	settlePromise,
	snooze,
	type CheckInMonths
} from '$lib/domain/queue/actions';
import { draftMessage } from '$lib/domain/queue/message-draft';
import { newId } from './app';
import { followUpStore } from './follow-ups';
import { LatestWriter } from './latest-writer';
import { LiveQuery } from './live-query.svelte';

/** The message suggested for a follow-up, from its note, promises and offers of help. */
export function suggestedMessage(detail: FollowUpDetail): MessageDraft {
	return draftMessage({
		myName: detail.card?.name ?? '',
		theirName: detail.person?.name ?? '',
		note: detail.encounter?.note ?? '',
		eventName: detail.event?.name,
		promises: detail.promises.filter((p) => p.status === 'open').map((p) => p.text),
		helpOffer: detail.encounter?.helpOffer,
		myHelpWith: detail.card?.helpWith,
		checkIn: detail.followUp.kind === 'check-in'
	});
}

/**
 * One follow-up being worked on: its details (kept current), the message as edited, and the
 * actions, each of which can be undone. Create it during component initialisation.
 */
export class FollowUpSession {
	readonly #detail: LiveQuery<FollowUpDetail | null, string>;
	/** The last action, for "Undo". */
	lastAction = $state.raw<{ label: string; snapshot: UndoSnapshot } | null>(null);
	error = $state('');

	/** Whether the message as typed is stored on this device. */
	messageSave = $state<'idle' | 'saving' | 'saved' | 'failed'>('idle');

	readonly #messages = new LatestWriter<{ id: string; message: MessageDraft | null }>(
		({ id, message }) => followUpStore().setMessage(id, message, Date.now()),
		(ok, idle) => {
			if (!ok) this.messageSave = 'failed';
			else if (idle) this.messageSave = 'saved';
		}
	);

	constructor(id: () => string) {
		this.#detail = new LiveQuery((followUpId: string) => followUpStore().detail(followUpId), id);
	}

	get detail(): FollowUpDetail | null | undefined {
		return this.#detail.current;
	}

	get loading(): boolean {
		return this.#detail.loading;
	}

	get message(): MessageDraft | null {
		const detail = this.detail;
		return detail ? (detail.followUp.message ?? suggestedMessage(detail)) : null;
	}

	/** Keeps the user's wording (written in the background, newest wins). */
	editMessage(message: MessageDraft): void {
		this.#saveMessage(message);
	}

	/** Back to the suggested message. */
	resetMessage(): void {
		this.#saveMessage(null);
	}

	#saveMessage(message: MessageDraft | null): void {
		if (!this.detail) return;
		this.messageSave = 'saving';
		this.#messages.save({ id: this.detail.followUp.id, message });
	}

	async done(channel: Channel, keptPromiseIds: readonly string[]): Promise<void> {
		const detail = this.detail;
		if (!detail) return;
		const now = Date.now();
		const promises = detail.promises
			.filter((p) => p.status === 'open' && keptPromiseIds.includes(p.id))
			.map((p) => settlePromise(p, 'kept', now));
		await this.#run('Marked done', { followUp: markDone(detail.followUp, channel, now), promises });
	}

	async snooze(until: number): Promise<void> {
		if (this.detail) await this.#run('Snoozed', { followUp: snooze(this.detail.followUp, until, Date.now()) });
	}

	async notAFit(reason: string): Promise<void> {
		if (this.detail)
			await this.#run('Closed as not a fit', { followUp: markNotAFit(this.detail.followUp, reason, Date.now()) });
	}

	async checkIn(months: CheckInMonths): Promise<void> {
		const detail = this.detail;
		if (!detail) return;
		const checkIn = planCheckIn(detail.followUp.personId, months, detail.followUp, { now: Date.now(), id: newId() });
		await this.#run(`Check-in planned in ${months === 1 ? '1 month' : `${months} months`}`, { created: [checkIn] });
	}

	async setPromise(promise: PromiseItem, kept: boolean): Promise<void> {
		const detail = this.detail;
		if (!detail) return;
		const changed = settlePromise(promise, kept ? 'kept' : 'open', Date.now());
		await this.#run(kept ? 'Promise kept' : 'Promise reopened', { promises: [changed] });
	}

	async undo(): Promise<void> {
		const action = this.lastAction;
		if (!action) return;
		this.lastAction = null;
		try {
			await followUpStore().undo(action.snapshot);
		} catch {
			this.error = 'Undo failed on this device. Reload the page and check the follow-up.';
		}
	}

	async #run(label: string, changes: ActionChanges): Promise<void> {
		this.error = '';
		try {
			await this.#messages.flush();
			this.lastAction = { label, snapshot: await followUpStore().apply(changes) };
		} catch {
			this.error = 'That did not work on this device. Nothing was changed; try again.';
		}
	}
}
