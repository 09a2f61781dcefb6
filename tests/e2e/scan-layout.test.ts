// A person taps "Type it instead" (or a photo button) while the camera is still starting: the
// button must still be there when the finger lands. The camera's start is held by hand (its
// getUserMedia waits for the test), so the screen is measured before and after, whatever the load.
import { afterEach, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { blankY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

const BUTTONS = ['Photo of a code', 'Read a paper card', 'Type it instead'];

const boxes = (page: Page) =>
	Promise.all(
		BUTTONS.map(async (name) => {
			const box = await page.getByRole('button', { name, exact: true }).boundingBox();
			return { name, x: Math.round(box!.x), y: Math.round(box!.y) };
		})
	);

describe('scan screen layout', () => {
	it('keeps its buttons where they are while the camera starts', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page } = session;
		await setUpCard(page, { name: 'Ada Lovelace' });
		// The camera's stream is handed over only when the test says so.
		await page.addInitScript(() => {
			const media = navigator.mediaDevices;
			const real = media.getUserMedia.bind(media);
			const gate = new Promise<void>((open) => ((window as unknown as { openCamera: () => void }).openCamera = open));
			media.getUserMedia = async (constraints) => {
				await gate;
				return real(constraints);
			};
			// A phone with a front and a back camera: "Switch camera" shows once the camera is live.
			const list = media.enumerateDevices.bind(media);
			media.enumerateDevices = async () => {
				const devices = await list();
				const camera = devices.find((d) => d.kind === 'videoinput');
				return camera
					? [...devices, { ...camera.toJSON(), deviceId: 'front', label: 'Front camera' } as MediaDeviceInfo]
					: devices;
			};
		});
		await page.goto('/scan');
		await page.getByRole('status').filter({ hasText: 'Starting the camera' }).waitFor();
		const before = await boxes(page);

		await page.evaluate(() => (window as unknown as { openCamera: () => void }).openCamera());
		await page.getByRole('button', { name: 'Read the card in the camera' }).waitFor();
		await page.getByRole('button', { name: 'Switch camera' }).waitFor();
		await page.getByRole('status').filter({ hasText: 'Point the camera' }).waitFor();
		// The video shows pictures (its size is known), and layout has settled on them.
		await page.waitForFunction(() => {
			const video = document.querySelector('video');
			return video !== null && video.videoWidth > 0 && video.readyState >= 2;
		});
		await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
		expect(await boxes(page)).toEqual(before);
		expect(session.problems).toEqual([]);
	});
});
