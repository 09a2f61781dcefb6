// Debian's Chromium driven by playwright-core, with the flags checked on these machines
// (see README: without the background-networking flags Chromium floods a closed network).
import { existsSync } from 'node:fs';
import { chromium } from 'playwright-core';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const baseFlags = [
	'--headless=new',
	'--no-sandbox',
	'--disable-gpu',
	'--disable-background-networking',
	'--disable-component-update',
	'--disable-sync',
	'--no-first-run',
	'--disable-quic'
];

/**
 * Flags for a fake camera that streams the given .y4m video.
 * @param {string} videoPath
 * @returns {string[]}
 */
export function fakeCameraFlags(videoPath) {
	return [
		'--use-fake-ui-for-media-stream',
		'--use-fake-device-for-media-stream',
		`--use-file-for-fake-video-capture=${videoPath}`
	];
}

/**
 * Launches Chromium; fails loudly when it is not installed (CI installs it, nothing skips).
 * @param {string[]} [extraFlags]
 */
export async function launchChromium(extraFlags = []) {
	if (!existsSync(chromiumPath)) throw new Error(`Chromium not found at ${chromiumPath}: apt-get install -y chromium`);
	return chromium.launch({ executablePath: chromiumPath, headless: true, args: [...baseFlags, ...extraFlags] });
}
