import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, imageToY4m, scratchDir } from '../support/video';
import { openSession, scanWithCamera, setUpCard, showContactFields, type Session } from './harness';

const sessions: Session[] = [];
afterEach(async () => {
	await Promise.all(sessions.splice(0).map((s) => s.close()));
});

describe('device to device', () => {
	it('a second phone scans the QR that "Show my QR" renders on the first', async () => {
		const dir = scratchDir();
		const phoneA = await openSession(await blankY4m(dir));
		sessions.push(phoneA);
		await setUpCard(phoneA.page, { name: 'Grace Hopper', email: 'grace@compiler.example', company: 'Compiler Corp' });
		await phoneA.page.getByRole('link', { name: 'Show my QR' }).click();
		const code = phoneA.page.getByRole('img', { name: 'QR code with the contact card of Grace Hopper' });
		await code.locator('svg').waitFor();
		const png = join(dir, 'shown-qr.png');
		await code.screenshot({ path: png });

		const phoneB = await openSession(await imageToY4m(png, join(dir, 'shown-qr.y4m')));
		sessions.push(phoneB);
		await setUpCard(phoneB.page, { name: 'Alan Turing' });
		await scanWithCamera(phoneB.page);
		await showContactFields(phoneB.page);
		await expect.poll(() => phoneB.page.getByRole('textbox', { name: 'Name' }).inputValue()).toBe('Grace Hopper');
		expect(await phoneB.page.getByRole('textbox', { name: 'Email' }).inputValue()).toBe('grace@compiler.example');
		expect(await phoneB.page.getByRole('textbox', { name: 'Company' }).inputValue()).toBe('Compiler Corp');
		expect([...phoneA.problems, ...phoneB.problems]).toEqual([]);
	});
});
