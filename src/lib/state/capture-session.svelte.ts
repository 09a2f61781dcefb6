import { defaultRegion } from '$lib/state/device';
import { isUntouched, type CaptureDraft } from '$lib/domain/capture/capture-draft';
import { captureProblems } from '$lib/domain/capture/plan-capture';
import type { Person } from '$lib/domain/capture/records';
import { newId } from './app';
import { captureStore } from './capture';
import { LatestWriter } from './latest-writer';
import { NewestAnswer } from './newest-answer';
import { typedDraft } from './scanned-code';

/** The performance measure of the last save's IndexedDB transaction. */
const COMMIT_MEASURE = 'capture:commit';

/** Leaves the save's duration on the performance timeline for `npm run bench:save`; never throws. */
function recordCommit(started: number): void {
	try {
		performance.clearMeasures(COMMIT_MEASURE);
		performance.measure(COMMIT_MEASURE, { start: started });
	} catch {
		// A browser without User Timing level 3: nothing to record, nothing lost.
	}
}

/**
 * One scan being turned into a contact: the draft, stored on every change, the reasons it cannot
 * be saved yet, the person it will be added to if they are known already, and saving or
 * discarding it. Create it during component initialisation.
 */
export class CaptureSession {
	draft = $state<CaptureDraft | null>(null);
	loaded = $state(false);
	/** The draft could not be read from this device's storage. */
	loadFailed = $state(false);
	/** The draft had been worked on before this page opened (a reload, a crash, coming back). */
	restored = $state(false);
	draftStored = $state<'idle' | 'pending' | 'stored' | 'failed'>('idle');
	/** Someone already in People with the same email, phone, LinkedIn, badge or website. */
	existing = $state<Person | null>(null);
	saving = $state(false);
	saveError = $state('');
	/** Saved or discarded: leaving needs no question any more. */
	finished = false;
	/** The draft is in the database (a typed form is not, until something is typed in it). */
	#stored = false;

	readonly region = defaultRegion();
	readonly problems = $derived(this.draft ? captureProblems(this.draft, this.region).problems : []);
	readonly fieldErrors = $derived(Object.fromEntries(this.problems.map((p) => [p.field, p.message])));

	readonly #writer = new LatestWriter<CaptureDraft>(
		async (value) => {
			await captureStore().saveDraft({ ...value, updatedAt: Date.now() });
		},
		(ok, idle) => {
			if (!ok) this.draftStored = 'failed';
			else if (idle) this.draftStored = 'stored';
		}
	);

	/** "Met before?", asked as the identifying details change; a stale answer never wins. */
	readonly #existing = new NewestAnswer<CaptureDraft, Person | null>(
		(draft) =>
			captureStore()
				.existingPerson(draft, this.region)
				.catch(() => null),
		(person) => (this.existing = person),
		150
	);

	constructor() {
		$effect(() => {
			if (!this.draft) return;
			const snapshot = $state.snapshot(this.draft) as CaptureDraft;
			// "Type it instead" with nothing typed yet is kept nowhere: leaving it leaves no unfinished note.
			if (!this.#stored && isUntouched(snapshot)) return;
			this.#stored = true;
			this.draftStored = 'pending';
			this.#writer.save(snapshot);
		});
		// Look the person up again when the details that identify them change.
		$effect(() => {
			const draft = this.draft;
			if (!draft) return;
			const { email, phone, linkedin, url, badgeId } = draft.fields;
			const snapshot = { ...draft, fields: { ...draft.fields, email, phone, linkedin, url, badgeId } };
			return this.#existing.schedule(snapshot);
		});
	}

	/**
	 * Opens the draft `id`. A form opened with "Type it instead" (`typed`) is made afresh when it is
	 * not stored (nothing was typed in it before a reload), unless it was saved as a contact already.
	 */
	async load(id: string, typed = false): Promise<void> {
		let draft: CaptureDraft | null;
		try {
			const store = captureStore();
			draft = await store.draft(id);
			this.#stored = draft !== null;
			if (!draft && typed && !(await store.saved(id))) draft = await typedDraft(id);
		} catch {
			this.loadFailed = true;
			this.loaded = true;
			return;
		}
		this.restored =
			!!draft && (draft.note.trim() !== '' || draft.promises.length > 0 || draft.updatedAt > draft.metAt + 2_000);
		this.draft = draft;
		this.loaded = true;
	}

	/** Nothing is typed in this form opened with "Type it instead": there is nothing to keep. */
	get untouched(): boolean {
		return this.draft !== null && isUntouched(this.draft);
	}

	/** Whether the draft is in the database (and leaving it untouched must remove it). */
	get stored(): boolean {
		return this.#stored;
	}

	/** Waits until everything typed so far is stored. */
	flush(): Promise<void> {
		return this.#writer.flush();
	}

	/** Saves the contact exactly as shown; returns the person's id, or null with `saveError` set. */
	async save(): Promise<string | null> {
		if (!this.draft || this.problems.length) return null;
		this.saving = true;
		this.saveError = '';
		// No draft write may land after the contact is saved (it would bring the draft back).
		await this.#writer.close();
		try {
			const snapshot = $state.snapshot(this.draft) as CaptureDraft;
			const started = performance.now();
			const result = await captureStore().commit(snapshot, Date.now(), newId, this.region);
			recordCommit(started);
			if (result.ok) {
				this.finished = true;
				return result.personId;
			}
			this.saveError = result.message;
		} catch {
			this.saveError = 'Saving failed on this device. Your draft is kept; try again.';
		} finally {
			this.saving = false;
		}
		this.#writer.reopen();
		this.#writer.save($state.snapshot(this.draft) as CaptureDraft);
		return null;
	}

	/** Throws away the scan and its note (the page asks first). */
	async discard(): Promise<boolean> {
		if (!this.draft) return false;
		await this.#writer.close();
		try {
			await captureStore().discardDraft(this.draft.id);
			this.finished = true;
			return true;
		} catch {
			this.#writer.reopen();
			this.saveError = 'The scan could not be discarded on this device. Try again.';
			return false;
		}
	}
}
