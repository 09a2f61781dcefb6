// "Read the card in the camera" asks the camera for a picture; right after the camera starts it may
// have none yet, and the reading must wait for the first frame rather than fail at once.
import { describe, expect, it } from 'vitest';
import { cameraPicture } from '$lib/state/card-scan';

const canvas = {} as HTMLCanvasElement;

describe('cameraPicture', () => {
	it('waits for the first frame the camera shows', async () => {
		const shownAt = Date.now() + 250;
		let asked = 0;
		const picture = await cameraPicture(() => (asked++, Date.now() >= shownAt ? canvas : null));
		expect(picture).toBe(canvas);
		expect(asked).toBeGreaterThan(1);
	});

	it('answers at once when there is a frame', async () => {
		let asked = 0;
		expect(await cameraPicture(() => (asked++, canvas))).toBe(canvas);
		expect(asked).toBe(1);
	});

	it('gives up after the wait with nothing', async () => {
		const started = Date.now();
		expect(await cameraPicture(() => null, 300)).toBeNull();
		expect(Date.now() - started).toBeGreaterThanOrEqual(300);
	});
});

describe('cameraPicture, abandoned', () => {
	it('stops asking for a frame once the person has left', async () => {
		const intent = new AbortController();
		let asked = 0;
		const picture = cameraPicture(
			() => {
				asked++;
				intent.abort();
				return null;
			},
			60_000,
			intent.signal
		);
		expect(await picture).toBeNull();
		expect(asked).toBe(1);
	});

	it('gives no picture to an intent already abandoned', async () => {
		const gone = new AbortController();
		gone.abort();
		expect(await cameraPicture(() => canvas, 3000, gone.signal)).toBeNull();
	});
});
