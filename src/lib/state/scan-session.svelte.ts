import type { Component } from 'svelte';
import type { Symbology } from '$lib/domain/contact/symbology';
import type { ParsedPayload } from '$lib/domain/contact/types';
import type { CardScanner, OcrProgress } from './card-scan';

/** What the session uses of the camera view. */
export interface ScanCamera {
	frame(): HTMLCanvasElement | null;
	stop(): Promise<void>;
	restart(): Promise<void>;
}

/** The card-reading screen: progress, a problem, Cancel and Back to scanning. */
export type CardView = Component<{ reading: CardReading; onCancel: () => void; onClose: () => void }>;

/** What the scan screen does outside itself (fakes in the unit tests). */
export interface ScanPorts {
	buzz(): void;
	readCode(text: string, symbology?: Symbology): Promise<ParsedPayload>;
	/** Stores the scan as a draft unless `signal` has aborted by then; its id. */
	keepAsDraft(parsed: ParsedPayload, signal: AbortSignal): Promise<string>;
	keepFrame(id: string, frame: HTMLCanvasElement): void;
	openDraft(id: string): Promise<void>;
	/** The card screen and the card reader (loaded with the first card). */
	loadCardReading(): Promise<{ view: CardView; scanner: Pick<CardScanner, 'read' | 'close'> }>;
	cameraPicture(frame: () => HTMLCanvasElement | null, signal: AbortSignal): Promise<HTMLCanvasElement | null>;
}

/** A paper card being read: what the progress bar says, or why it could not be read. */
export interface CardReading {
	stage: string;
	percent: number;
	problem: string;
}

const READER_MISSING = 'The card reader could not be loaded. Check the connection and try again.';
const NOT_STORED =
	'The scan could not be stored on this device. Check that the browser allows storage, then scan again.';
const NO_FRAME = 'The camera is not showing anything yet. Take a photo of the card with “Read a paper card”.';

/**
 * The scan screen: a code read (camera or photo) becomes a draft and opens its note; a paper card is
 * read by OCR. Each thing the person starts is one intent with its own AbortSignal, tied to the
 * screen's: Cancel ends the card's, leaving the screen (`destroy`) ends every one, and an ended
 * intent stores nothing, opens nothing and reads nothing more. Create it with the page.
 */
export class ScanSession {
	handling = $state(false);
	notAPerson = $state.raw<ParsedPayload | null>(null);
	error = $state('');
	card = $state<CardReading | null>(null);
	cardView = $state.raw<CardView | null>(null);
	/** Set by the page (bind:this on the camera view). */
	camera: ScanCamera | undefined;

	readonly #screen = new AbortController();
	#card: AbortController | null = null;
	#scanner: Pick<CardScanner, 'read' | 'close'> | null = null;
	#waitingForFrame = false;

	constructor(private readonly ports: ScanPorts) {}

	/** A new intent, ended with the screen. */
	#intent(): AbortController {
		const intent = new AbortController();
		this.#screen.signal.addEventListener('abort', () => intent.abort(), { once: true, signal: intent.signal });
		return intent;
	}

	/** A code was read (camera or photo): a person's becomes a draft and its note opens. */
	async decoded(text: string, symbology?: Symbology): Promise<void> {
		const { signal } = this.#screen;
		if (this.handling || signal.aborted) return;
		this.handling = true;
		try {
			this.ports.buzz();
			const frame = this.camera?.frame() ?? null;
			await this.camera?.stop();
			const parsed = await this.ports.readCode(text, symbology);
			if (signal.aborted) return;
			if (parsed.notAPerson) this.notAPerson = parsed;
			else await this.startDraft(parsed, frame, signal);
		} catch {
			if (signal.aborted) return;
			this.error = NOT_STORED;
			await this.camera?.restart();
		} finally {
			this.handling = false;
		}
	}

	/** Keeps `parsed` as a draft and opens its note, unless `signal` ends first. */
	async startDraft(parsed: ParsedPayload, frame: HTMLCanvasElement | null = null, signal = this.#screen.signal) {
		const id = await this.ports.keepAsDraft(parsed, signal);
		if (frame && parsed.kind === 'opaque') this.ports.keepFrame(id, frame);
		// Stored just as the person left: it waits in "unfinished notes", and the screen they went to stays.
		if (signal.aborted) return;
		await this.ports.openDraft(id);
	}

	/** "Save it with a name": a code that is not a person's, kept as a draft all the same. */
	async saveWithName(): Promise<void> {
		if (!this.notAPerson) return;
		try {
			await this.startDraft(this.notAPerson);
		} catch {
			if (!this.#screen.signal.aborted) this.error = NOT_STORED;
		}
	}

	async scanAgain(): Promise<void> {
		this.notAPerson = null;
		await this.camera?.restart();
	}

	/** Reads a photo of a paper card (or a camera frame) and opens what it says as a draft. */
	async readCard(photo: Blob | HTMLCanvasElement): Promise<void> {
		if (this.card || this.#screen.signal.aborted) return;
		const intent = (this.#card = this.#intent());
		const { signal } = intent;
		this.error = '';
		this.card = { stage: 'Preparing the photo…', percent: 0, problem: '' };
		try {
			const { view, scanner } = await this.ports.loadCardReading();
			this.cardView = view;
			this.#scanner = scanner;
		} catch {
			if (signal.aborted) return;
			this.#card = this.card = null;
			this.error = READER_MISSING;
			return;
		}
		if (signal.aborted) return;
		// The camera's decoder would share the CPU with the OCR worker.
		await this.camera?.stop();
		const onProgress = (progress: OcrProgress) => {
			if (signal.aborted || !this.card) return;
			this.card.stage = progress.stage;
			this.card.percent = Math.round(progress.progress * 100);
		};
		const result = await this.#scanner.read(photo, { signal, onProgress });
		if (signal.aborted || !this.card) return;
		if ('problem' in result) this.card.problem = result.problem;
		else if ('payload' in result) {
			try {
				await this.startDraft(result.payload, null, signal);
			} catch {
				if (!signal.aborted && this.card) this.card.problem = NOT_STORED;
			}
		}
	}

	/** "Read the card in the camera": the frame the camera shows, once it shows one. */
	async readCameraCard(): Promise<void> {
		if (this.#waitingForFrame) return;
		this.#waitingForFrame = true;
		this.error = '';
		const intent = this.#intent();
		try {
			const frame = await this.ports.cameraPicture(() => this.camera?.frame() ?? null, intent.signal);
			if (intent.signal.aborted) return;
			if (frame) await this.readCard(frame);
			else this.error = NO_FRAME;
		} catch {
			if (!intent.signal.aborted) this.error = READER_MISSING;
		} finally {
			this.#waitingForFrame = false;
		}
	}

	/** Cancel, or Back to scanning: the card's reading ends here and now, and the camera comes back. */
	async closeCard(): Promise<void> {
		this.#card?.abort();
		this.#card = this.card = null;
		await this.camera?.restart();
	}

	/** The screen is gone: every intent ends, and the OCR worker with them. */
	destroy(): Promise<void> {
		this.#screen.abort();
		return this.#scanner?.close() ?? Promise.resolve();
	}
}
