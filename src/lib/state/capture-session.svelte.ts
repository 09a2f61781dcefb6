import { defaultRegion } from '$lib/adapters/device/locale';
import type { CaptureDraft } from '$lib/domain/capture/capture-draft';
import { captureProblems } from '$lib/domain/capture/plan-capture';
import { app, newId } from './app';
import { LatestWriter } from './latest-writer';

/**
 * One scan being turned into a contact: the draft, stored on every change, the reasons it cannot
 * be saved yet, and saving or discarding it. Create it during component initialisation.
 */
export class CaptureSession {
	draft = $state<CaptureDraft | null>(null);
	loaded = $state(false);
	/** The draft had been worked on before this page opened (a reload, a crash, coming back). */
	restored = $state(false);
	draftStored = $state<'idle' | 'stored' | 'failed'>('idle');
	saving = $state(false);
	saveError = $state('');
	/** Saved or discarded: leaving needs no question any more. */
	finished = false;

	readonly region = defaultRegion();
	readonly problems = $derived(this.draft ? captureProblems(this.draft, this.region).problems : []);
	readonly fieldErrors = $derived(Object.fromEntries(this.problems.map((p) => [p.field, p.message])));

	readonly #writer = new LatestWriter<CaptureDraft>(
		(value) => app().capture.saveDraft({ ...value, updatedAt: Date.now() }),
		(ok) => (this.draftStored = ok ? 'stored' : 'failed')
	);

	constructor() {
		$effect(() => {
			if (this.draft) this.#writer.save($state.snapshot(this.draft) as CaptureDraft);
		});
	}

	async load(id: string): Promise<void> {
		const draft = await app().capture.draft(id);
		this.restored =
			!!draft && (draft.note.trim() !== '' || draft.promises.length > 0 || draft.updatedAt > draft.metAt + 2_000);
		this.draft = draft;
		this.loaded = true;
	}

	/** Waits until everything typed so far is stored. */
	flush(): Promise<void> {
		return this.#writer.flush();
	}

	/** Saves the contact; returns the person's id, or null with `saveError` set. */
	async save(): Promise<string | null> {
		if (!this.draft || this.problems.length) return null;
		this.saving = true;
		this.saveError = '';
		// No draft write may land after the contact is saved (it would bring the draft back).
		await this.#writer.close();
		try {
			const result = await app().capture.commit(this.draft.id, Date.now(), newId, this.region);
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

	async discard(): Promise<void> {
		if (!this.draft) return;
		await this.#writer.close();
		await app().capture.discardDraft(this.draft.id);
		this.finished = true;
	}
}
