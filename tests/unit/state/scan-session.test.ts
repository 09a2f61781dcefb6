// The scan screen's work belongs to what the person meant: Cancel ends a card's reading, leaving the
// screen ends everything, and work that finishes after that stores nothing and opens nothing. Every
// step the screen waits for is a promise the test settles by hand.
import { describe, expect, it } from 'vitest';
import type { ParsedPayload } from '$lib/domain/contact/types';
import type { CardScanResult } from '$lib/state/card-scan';
import { ScanSession, type CardView, type ScanPorts } from '$lib/state/scan-session.svelte';

function deferred<T>() {
	let resolve!: (value: T) => void;
	let reject!: (error: unknown) => void;
	const promise = new Promise<T>((res, rej) => ((resolve = res), (reject = rej)));
	return { promise, resolve, reject };
}

async function settled() {
	for (let i = 0; i < 20; i++) await Promise.resolve();
}

const person = {
	kind: 'vcard',
	fields: { name: 'Ada Lovelace' },
	suggestions: {},
	warnings: [],
	raw: 'BEGIN:VCARD'
} as unknown as ParsedPayload;
const photo = new Blob(['jpeg'], { type: 'image/jpeg' });
const frame = { width: 640, height: 480 } as HTMLCanvasElement;

/** A session whose ports wait for the test, and a log of what it did. */
function harness() {
	const did: string[] = [];
	const steps = {
		code: deferred<ParsedPayload>(),
		draft: deferred<string>(),
		load: deferred<void>(),
		read: deferred<CardScanResult>(),
		picture: deferred<HTMLCanvasElement | null>()
	};
	const signals: Record<string, AbortSignal> = {};
	const ports: ScanPorts = {
		buzz: () => did.push('buzz'),
		readCode: async (text) => (did.push(`read code ${text}`), steps.code.promise),
		keepAsDraft: async (_parsed, signal) => {
			did.push('keep draft');
			signals.draft = signal;
			return steps.draft.promise;
		},
		keepFrame: () => did.push('keep frame'),
		openDraft: async (id) => void did.push(`open ${id}`),
		loadCardReading: async () => {
			did.push('load card reader');
			await steps.load.promise;
			return {
				view: {} as CardView,
				scanner: {
					read: (_photo, { signal }) => {
						did.push('read card');
						signals.card = signal;
						return steps.read.promise;
					},
					close: async () => void did.push('close card reader')
				}
			};
		},
		cameraPicture: async (_frame, signal) => {
			signals.picture = signal;
			return steps.picture.promise;
		}
	};
	const session = new ScanSession(ports);
	session.camera = {
		frame: () => frame,
		stop: async () => void did.push('camera stop'),
		restart: async () => void did.push('camera restart')
	};
	return { session, did, steps, signals };
}

describe('ScanSession', () => {
	it('turns a code into a draft and opens its note', async () => {
		const { session, did, steps } = harness();
		const done = session.decoded('BEGIN:VCARD');
		steps.code.resolve(person);
		steps.draft.resolve('d1');
		await done;
		expect(did).toEqual(['buzz', 'camera stop', 'read code BEGIN:VCARD', 'keep draft', 'open d1']);
		expect(session.handling).toBe(false);
	});

	it('reads a card and opens what it says', async () => {
		const { session, did, steps } = harness();
		const done = session.readCard(photo);
		expect(session.card).toMatchObject({ stage: 'Preparing the photo…' });
		steps.load.resolve();
		steps.read.resolve({ payload: person });
		steps.draft.resolve('d2');
		await done;
		expect(did).toEqual(['load card reader', 'camera stop', 'read card', 'keep draft', 'open d2']);
	});

	it('Cancel during the reading closes the card at once, and a reading that finishes after opens nothing', async () => {
		const { session, did, steps, signals } = harness();
		const done = session.readCard(photo);
		steps.load.resolve();
		await settled();
		expect(did).toContain('read card');
		await session.closeCard();
		expect(session.card).toBeNull();
		expect(signals.card!.aborted).toBe(true);
		// A reader that ignored its signal and answered anyway.
		steps.read.resolve({ payload: person });
		await done;
		expect(did).not.toContain('keep draft');
		expect(did.at(-1)).toBe('camera restart');
	});

	it('Cancel while the card reader loads: nothing is read', async () => {
		const { session, did, steps } = harness();
		const done = session.readCard(photo);
		await settled();
		await session.closeCard();
		steps.load.resolve();
		await done;
		expect(did).toEqual(['load card reader', 'camera restart']);
		expect(session.card).toBeNull();
	});

	it('shows a problem the reading found until Back to scanning', async () => {
		const { session, steps } = harness();
		const done = session.readCard(photo);
		steps.load.resolve();
		steps.read.resolve({ problem: 'No name or contact details were found in this photo.' });
		await done;
		expect(session.card?.problem).toMatch(/No name/);
		await session.closeCard();
		expect(session.card).toBeNull();
	});

	it('leaving during a slow decode stores no draft and goes nowhere', async () => {
		const { session, did, steps } = harness();
		const done = session.decoded('BEGIN:VCARD');
		await settled();
		await session.destroy();
		steps.code.resolve(person);
		await done;
		expect(did).not.toContain('keep draft');
		expect(did.some((step) => step.startsWith('open'))).toBe(false);
		expect(session.error).toBe('');
	});

	it('leaving while the draft is stored: it is told to stop, and is not opened', async () => {
		const { session, did, steps, signals } = harness();
		const done = session.decoded('BEGIN:VCARD');
		steps.code.resolve(person);
		await settled();
		expect(did).toContain('keep draft');
		await session.destroy();
		expect(signals.draft!.aborted).toBe(true);
		steps.draft.resolve('d3');
		await done;
		expect(did.some((step) => step.startsWith('open'))).toBe(false);
	});

	it('a code read after leaving is not read at all', async () => {
		const { session, did } = harness();
		await session.destroy();
		await session.decoded('BEGIN:VCARD');
		expect(did).toEqual([]);
	});

	it('leaving during a card reading ends the reading and the OCR worker', async () => {
		const { session, did, steps, signals } = harness();
		const done = session.readCard(photo);
		steps.load.resolve();
		await settled();
		await session.destroy();
		expect(signals.card!.aborted).toBe(true);
		expect(did).toContain('close card reader');
		steps.read.resolve({ payload: person });
		await done;
		expect(did).not.toContain('keep draft');
	});

	it('leaving while waiting for the camera frame reads nothing', async () => {
		const { session, did, steps, signals } = harness();
		const done = session.readCameraCard();
		await settled();
		await session.destroy();
		expect(signals.picture!.aborted).toBe(true);
		steps.picture.resolve(frame);
		await done;
		expect(did).not.toContain('load card reader');
	});
});

describe('ScanSession, when the device cannot store the scan', () => {
	it('says so for a card read, and for a code saved with a name, and opens nothing', async () => {
		const { session, did, steps } = harness();
		const reading = session.readCard(photo);
		steps.load.resolve();
		steps.read.resolve({ payload: person });
		steps.draft.reject(new Error('QuotaExceededError'));
		await reading;
		expect(session.card?.problem).toMatch(/could not be stored on this device/);
		await session.closeCard();

		session.notAPerson = { ...person, notAPerson: 'This QR holds a Wi-Fi password, not a person.' };
		await session.saveWithName();
		expect(session.error).toMatch(/could not be stored on this device/);
		expect(did.some((step) => step.startsWith('open'))).toBe(false);
	});
});
