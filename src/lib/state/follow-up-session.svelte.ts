import type { ActionChanges, UndoSnapshot } from '$lib/adapters/local/follow-up-store';
import { deviceLanguage, deviceTimeZone } from '$lib/adapters/device/locale';
import type { FollowUpDetail } from '$lib/domain/queue/views';
import type { Channel, MessageDraft, PromiseItem } from '$lib/domain/capture/records';
import type { Draft, DraftInput, DraftPlan } from '$lib/domain/drafts/draft';
import { isDraftLanguage, type DraftLanguage } from '$lib/domain/drafts/languages';
import type { FoundPromise } from '$lib/domain/drafts/read-note';
import {
	markDone,
	markNotAFit,
	planCheckIn,
	settlePromise,
	snooze,
	type CheckInMonths
} from '$lib/domain/queue/actions';
import { newId } from './app';
import { followUpStore } from './follow-ups';
import { LatestWriter } from './latest-writer';
import { LiveQuery } from './live-query.svelte';

type Drafter = typeof import('$lib/domain/drafts/draft');

const DRAFT_CODE_MISSING =
	'The message could not be drafted: part of the app did not load. Check the connection, then reload the page.';

let drafter: Promise<Drafter> | null = null;

/** The draft code loads with the first follow-up screen (its language rules are not on any other). */
function loadDrafter(): Promise<Drafter> {
	drafter ??= import('$lib/domain/drafts/draft').catch((error: unknown) => {
		drafter = null;
		throw error;
	});
	return drafter;
}

/** What a follow-up's draft is made from: every conversation it carries, its promises, offers of help. */
export function draftInput(detail: FollowUpDetail): DraftInput {
	const encounters = detail.encounters?.length ? detail.encounters : detail.encounter ? [detail.encounter] : [];
	const device = deviceLanguage();
	return {
		myName: detail.card?.name ?? '',
		theirName: detail.person?.name ?? '',
		notes: encounters.map((e) => e.note),
		eventName: detail.event?.name,
		promises: detail.promises.filter((p) => p.status === 'open').map((p) => p.text),
		settled: detail.promises.filter((p) => p.status !== 'open').map((p) => p.text),
		helpOffer: encounters.map((e) => e.helpOffer).find(Boolean),
		myHelpWith: detail.card?.helpWith,
		checkIn: detail.followUp.kind === 'check-in',
		language: detail.person?.language ?? null,
		fallbackLanguage: isDraftLanguage(device) ? device : null
	};
}

/** A promise the note holds, ready to become a to-do: its wording and, from "by Friday", its due time. */
export interface PromiseSuggestion {
	todo: string;
	source: string;
	dueAt: number | null;
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

	#drafts = $state.raw<Drafter | null>(null);
	/** Set when the draft code could not load (offline before it was ever cached). */
	draftError = $state('');

	/** Bumped when the rules of another language have loaded: the draft is made again. */
	#languagesLoaded = $state(0);

	/** The draft, or the languages whose rules it waits for (each language is a chunk of its own). */
	// What the draft is made from, as a string: a change the draft does not read (the message being
	// typed and saved, a status) compares equal, and the draft is not made again on every keystroke.
	readonly #input = $derived(this.detail ? JSON.stringify(draftInput(this.detail)) : null);

	readonly #plan = $derived.by((): DraftPlan | null => {
		const input = this.#input;
		const drafts = this.#drafts;
		void this.#languagesLoaded;
		return input && drafts ? drafts.planDraft(JSON.parse(input) as DraftInput) : null;
	});

	readonly #draft = $derived(this.#plan?.draft ?? null);

	constructor(id: () => string) {
		this.#detail = new LiveQuery((followUpId: string) => followUpStore().detail(followUpId), id);
		void this.loadDrafts();
		// Each language's rules load when a draft needs them (the notes' language, the one chosen).
		$effect(() => {
			const missing = this.#plan?.missing;
			if (!missing || !this.#drafts) return;
			this.#drafts.loadLexicons(missing).then(
				() => this.#languagesLoaded++,
				() => (this.draftError = DRAFT_CODE_MISSING)
			);
		});
	}

	/** Loads the draft code. (A browser keeps a failed module import failed until the page reloads.) */
	async loadDrafts(): Promise<void> {
		this.draftError = '';
		try {
			this.#drafts = await loadDrafter();
		} catch {
			this.draftError = DRAFT_CODE_MISSING;
		}
	}

	/** The suggested message, in the language it is written in (null while the draft code loads). */
	get draft(): Draft | null {
		return this.#draft;
	}

	get suggested(): MessageDraft | null {
		const draft = this.#draft;
		return draft && { subject: draft.subject, body: draft.body };
	}

	/** The note's promises not yet on the list, with their due times. */
	get promiseSuggestions(): PromiseSuggestion[] {
		const detail = this.detail;
		const draft = this.#draft;
		if (!detail || !draft || detail.followUp.kind !== 'follow-up' || !this.#drafts) return [];
		const metAt = detail.encounter?.metAt ?? detail.followUp.createdAt;
		const timeZone = detail.event?.timeZone ?? deviceTimeZone();
		const { promiseDueAt } = this.#drafts;
		return draft.notePromises.map((found: FoundPromise) => ({
			todo: found.action.todo,
			source: found.source,
			dueAt: found.due ? promiseDueAt(found.due, metAt, timeZone) : null
		}));
	}

	get detail(): FollowUpDetail | null | undefined {
		return this.#detail.current;
	}

	get loading(): boolean {
		return this.#detail.loading;
	}

	/** The follow-up could not be read from this device's storage. */
	get failed(): boolean {
		return this.#detail.error !== null;
	}

	get message(): MessageDraft | null {
		return this.detail?.followUp.message ?? this.suggested;
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

	/** "Make this a promise": a promise from the note becomes a to-do of this follow-up. */
	async addPromise(suggestion: PromiseSuggestion): Promise<void> {
		const detail = this.detail;
		if (!detail?.encounter) return;
		const now = Date.now();
		const promise: PromiseItem = {
			id: newId(),
			personId: detail.followUp.personId,
			encounterId: detail.encounter.id,
			followUpId: detail.followUp.id,
			text: suggestion.todo,
			status: 'open',
			dueAt: suggestion.dueAt ?? detail.followUp.dueAt,
			settledAt: null,
			createdAt: now
		};
		await this.#run('Promise added', { promises: [promise] });
	}

	/** The language this person's follow-ups are drafted in (null: the notes decide). */
	async setLanguage(language: DraftLanguage | null): Promise<void> {
		const person = this.detail?.person;
		if (!person) return;
		this.error = '';
		try {
			await followUpStore().setLanguage(person.id, language, Date.now());
		} catch {
			this.error = 'The language could not be changed on this device. Try again.';
		}
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
