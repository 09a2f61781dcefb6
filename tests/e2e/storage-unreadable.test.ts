// A device whose storage (IndexedDB) refuses to open — a browser setting, a full disk, a broken
// profile: every screen that reads it says so, instead of "Loading…" that never ends.
import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, scratchDir } from '../support/video';
import { openSession, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

const id = '7d1c2f4e-8a9b-4c3d-9e0f-1a2b3c4d5e6f';

describe('storage that cannot be read', () => {
	it('each screen says so, and none stays on "Loading…"', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, context } = session;
		await context.addInitScript(() => {
			IDBFactory.prototype.open = () => {
				throw new DOMException('The storage of this profile is broken.', 'UnknownError');
			};
		});
		const screens: [string, string][] = [
			['/', 'Your card'],
			['/card', 'Your card'],
			['/card/qr', 'Your card'],
			[`/capture/${id}`, 'This scan'],
			[`/follow-ups/${id}`, 'This follow-up'],
			[`/people/${id}`, 'This person'],
			['/people', 'Your people'],
			['/follow-ups', 'Follow-ups'],
			[`/events/${id}`, 'This event']
		];
		for (const [path, what] of screens) {
			await page.goto(path);
			const problem = page
				.getByRole('alert')
				.filter({ hasText: `${what} could not be read from this device's storage` });
			await problem.waitFor();
			expect(
				await page
					.getByRole('status')
					.filter({ hasText: /^Loading/ })
					.count(),
				path
			).toBe(0);
		}
		expect(session.problems).toEqual([]);
	});
});
