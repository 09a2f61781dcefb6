// Booth point: email, phone and the other contact fields can be added or changed after saving.
import { afterEach, describe, expect, it } from 'vitest';
import { blankY4m, scratchDir } from '../support/video';
import { openSession, setUpCard, type Session } from './harness';

let session: Session | null = null;
afterEach(async () => {
	await session?.close();
	session = null;
});

describe("a person's details after saving", () => {
	it('adds an email and a phone to someone saved with a name and a note; the follow-up then offers Email', async () => {
		session = await openSession(await blankY4m(scratchDir()));
		const { page, context, problems } = session;
		await context.addInitScript(() => {
			navigator.mediaDevices.getUserMedia = () => Promise.reject(new DOMException('No camera', 'NotFoundError'));
		});
		await setUpCard(page, { name: 'Ada Lovelace' });

		// At the booth: no badge to scan, so a name and what we talked about, nothing else.
		await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Scan' }).click();
		await page.getByRole('button', { name: 'Type it instead' }).click();
		await page.getByRole('textbox', { name: 'Name' }).fill('Lena Fischer');
		await page.getByRole('textbox', { name: 'What did you talk about?' }).fill('Robotics grants in Bavaria');
		await page.getByRole('button', { name: 'Save contact' }).click();
		await page.waitForURL(/\?saved=1/);
		await page.getByRole('heading', { name: 'Lena Fischer', level: 1 }).waitFor();
		const personPage = page.url().replace(/\?.*$/, '');
		expect(await page.getByRole('link', { name: 'Email' }).count()).toBe(0);

		// Later she hands over her card: every contact field is on the form.
		await page.getByRole('button', { name: 'Edit details' }).click();
		const form = page.getByRole('form', { name: 'Edit details' });
		for (const name of ['Name', 'Company', 'Title', 'Email', 'Phone', 'LinkedIn', 'Website', 'Badge id']) {
			expect(await form.getByRole('textbox', { name }).isVisible(), name).toBe(true);
		}
		const email = form.getByRole('textbox', { name: 'Email' });
		const phone = form.getByRole('textbox', { name: 'Phone' });
		await form.getByRole('textbox', { name: 'Company' }).fill('Bavaria Robotics');
		await email.fill('lena@robotics');
		await phone.fill('0151 5550');
		// Nothing is said before an attempt.
		expect(await email.getAttribute('aria-invalid')).toBeNull();
		await form.getByRole('button', { name: 'Save details' }).click();

		// The capture form's rules, said at each field; the first one takes the focus; nothing typed is lost.
		await expect.poll(() => email.getAttribute('aria-invalid')).toBe('true');
		expect(await form.getByText('This email address does not look right.').isVisible()).toBe(true);
		expect(await phone.getAttribute('aria-invalid')).toBe('true');
		expect(await form.getByText('This does not look like a phone number.', { exact: false }).isVisible()).toBe(true);
		expect(await email.evaluate((input) => input === document.activeElement)).toBe(true);
		expect(await email.inputValue()).toBe('lena@robotics');
		expect(await form.getByRole('textbox', { name: 'Company' }).inputValue()).toBe('Bavaria Robotics');

		// Fixed, each error goes as it is fixed, and the details are saved.
		await email.fill('Lena@Robotics.example');
		await expect.poll(() => email.getAttribute('aria-invalid')).toBeNull();
		await phone.fill('+49 151 55501234');
		await form.getByRole('button', { name: 'Save details' }).click();
		await page.getByRole('status').filter({ hasText: 'Details saved.' }).waitFor();
		const details = page.getByRole('definition');
		await expect.poll(() => details.allTextContents()).toEqual(['lena@robotics.example', '+49 1515 5501234']);
		expect(await page.getByText('Bavaria Robotics').isVisible()).toBe(true);
		expect(await page.getByRole('link', { name: 'Email' }).getAttribute('href')).toBe('mailto:lena@robotics.example');
		expect(await page.getByRole('link', { name: 'Call' }).getAttribute('href')).toBe('tel:+4915155501234');

		// Reopened, the form shows what was saved, and saving it unchanged changes nothing.
		await page.getByRole('button', { name: 'Edit details' }).click();
		expect(await phone.inputValue()).toBe('+49 1515 5501234');
		await form.getByRole('button', { name: 'Save details' }).click();
		await page.getByRole('status').filter({ hasText: 'Nothing was changed.' }).waitFor();

		// The follow-up now offers her email.
		await page.goto('/follow-ups');
		await page.getByRole('list', { name: 'Follow-up queue' }).getByRole('link', { name: 'Lena Fischer' }).click();
		await page.getByRole('heading', { name: /with Lena Fischer$/ }).waitFor();
		const sendBy = page.getByRole('group', { name: 'Send it by' });
		const mail = sendBy.getByRole('link', { name: 'Email' });
		expect(await mail.getAttribute('href')).toMatch(/^mailto:lena@robotics\.example\?/);

		// Still there after a reload: it was stored, not only shown.
		await page.goto(personPage);
		await expect.poll(() => details.allTextContents()).toEqual(['lena@robotics.example', '+49 1515 5501234']);
		expect(problems).toEqual([]);
	});
});
