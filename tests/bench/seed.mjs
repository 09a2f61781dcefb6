// Writes N people, their encounters, follow-ups (a quarter done) and promises (a fifth) straight
// into the app's IndexedDB, in the shape the app stores them. For benchmarks only.
/**
 * @param {import('playwright-core').Page} page
 * @param {number} count
 * @returns {Promise<{ open: number, ms: number }>}
 */
export async function seedPeople(page, count) {
	const start = Date.now();
	const open = await page.evaluate(async (count) => {
		const now = Date.now();
		const HOUR = 3_600_000;
		const topics = [
			'grid storage',
			'hiring in Accra',
			'a seed round',
			'robot arms',
			'AI evals',
			'battery recycling',
			'open data'
		];
		/** @type {Record<'people' | 'encounters' | 'followUps' | 'promises', object[]>} */
		const rows = { people: [], encounters: [], followUps: [], promises: [] };
		let open = 0;
		for (let i = 0; i < count; i++) {
			const metAt = now - ((i * 7919) % (96 * HOUR));
			const personId = `bench-person-${i}`;
			const encounterId = `bench-encounter-${i}`;
			const followUpId = `bench-follow-up-${i}`;
			const email = `person${i}@bench.example`;
			const done = i % 4 === 0;
			if (!done) open++;
			const dueAt = metAt + 48 * HOUR;
			rows.people.push({
				id: personId,
				name: `Person ${i}`,
				org: `Company ${i % 300}`,
				title: '',
				email,
				phone: '',
				linkedin: '',
				url: '',
				badgeId: '',
				matchKeys: [`email:${email}`],
				createdAt: metAt,
				updatedAt: metAt
			});
			rows.encounters.push({
				id: encounterId,
				personId,
				eventId: null,
				metAt,
				note: `Talked about ${topics[i % topics.length]} (${i})`,
				helpOffer: '',
				raw: '',
				kind: 'typed',
				createdAt: metAt
			});
			rows.followUps.push({
				id: followUpId,
				personId,
				encounterId,
				eventId: null,
				kind: 'follow-up',
				dueAt,
				queueAt: dueAt,
				snoozedUntil: null,
				status: done ? 'done' : 'open',
				doneAt: done ? metAt + HOUR : null,
				channel: done ? 'email' : null,
				closedReason: '',
				message: null,
				createdAt: metAt,
				updatedAt: metAt
			});
			if (i % 5 === 0)
				rows.promises.push({
					id: `bench-promise-${i}`,
					personId,
					encounterId,
					followUpId,
					text: 'Send the deck',
					status: 'open',
					dueAt,
					settledAt: null,
					createdAt: metAt
				});
		}
		await /** @type {Promise<void>} */ (
			new Promise((resolve, reject) => {
				const request = indexedDB.open('networking-companion');
				request.onerror = () => reject(request.error);
				request.onsuccess = () => {
					const tx = request.result.transaction(Object.keys(rows), 'readwrite');
					for (const [table, records] of Object.entries(rows))
						for (const record of records) tx.objectStore(table).put(record);
					tx.oncomplete = () => resolve();
					tx.onerror = () => reject(tx.error);
				};
			})
		);
		return open;
	}, count);
	return { open, ms: Date.now() - start };
}
