import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { detectLanguage } from '$lib/domain/drafts/detect';
import { draftFollowUp, type DraftInput } from '$lib/domain/drafts/draft';
import { promiseDueAt } from '$lib/domain/drafts/promise-due';

const base = { myName: 'Ada Lovelace', theirName: 'Priya Raman', promises: [] as string[] };
const draft = (input: Partial<DraftInput> & { notes: string[] }) => draftFollowUp({ ...base, ...input });
const opening = (body: string) => body.split('\n')[2];

describe('a follow-up drafted from a note (English)', () => {
	it('names the topic as a phrase to the person and leads with the promise found in the note', () => {
		const d = draft({
			notes: [
				'Their move from RabbitMQ to Kafka: 40 services, stuck on exactly-once. I promised to send her the migration deck by Friday'
			],
			eventName: 'Current London'
		});
		expect(d.language).toBe('en');
		expect(d.subject).toBe('The migration deck, as promised');
		expect(opening(d.body)).toBe(
			'It was great to meet you at Current London and talk about your move from RabbitMQ to Kafka.'
		);
		expect(d.body).toContain('Here is the migration deck, as promised.');
		expect(d.body.startsWith('Hi Priya,')).toBe(true);
		expect(d.body.endsWith('Best,\nAda Lovelace')).toBe(true);
		expect(d.body).not.toMatch(/…|\.\.\.|exactly-once/);
	});

	it('offers the promise as a to-do, with its due phrase read', () => {
		const d = draft({ notes: ['Kafka migration. I promised to send her the migration deck by Friday'] });
		expect(d.notePromises.map((p) => [p.action.todo, p.due])).toEqual([
			['Send Priya the migration deck', { kind: 'weekday', day: 5 }]
		]);
		// Once it is a to-do (open, kept or dropped) the note's promise is not offered again.
		expect(
			draft({
				notes: ['I promised to send her the migration deck by Friday'],
				promises: ['Send Priya the migration deck']
			}).notePromises
		).toEqual([]);
		const kept = draft({
			notes: ['Kafka. I promised to send her the migration deck'],
			settled: ['Send Priya the migration deck']
		});
		expect(kept.notePromises).toEqual([]);
		expect(kept.body).not.toContain('migration deck');
	});

	it('asks back their question as an indirect one, and answers an intro they wanted', () => {
		const d = draft({
			notes: [
				'Met him at the SRE panel Q&A. CTO, hiring 3 SREs, wants intro to Sam. Does our Debezium connector support Oracle?'
			]
		});
		expect(opening(d.body)).toBe('It was great to meet you at the SRE panel Q&A and talk about hiring 3 SREs.');
		expect(d.body).toContain('You asked whether our Debezium connector supports Oracle');
		expect(d.body).toContain('You mentioned an intro to Sam would help');
	});

	it('leaves out remarks to oneself and asides', () => {
		const d = draft({ notes: ['Grid storage pilots in Lagos (seemed skeptical). Maybe later, budget unclear.'] });
		expect(`${d.subject} ${d.body}`).not.toMatch(/skeptical|maybe later|budget/i);
		expect(d.subject).toBe('Following up on Grid storage pilots in Lagos');
	});

	it('turns typed promises into sentences, whatever their wording', () => {
		const d = draftFollowUp({
			...base,
			theirName: 'Tom Becker',
			notes: ['Talk abstracts for the CFP'],
			promises: ['Send Tom a talk abstract', 'intro → Kenji']
		});
		expect(d.body).toContain('Here is the talk abstract, as promised.');
		expect(d.body).toContain("I'd also like to introduce you to Kenji.");
		expect(d.body).not.toMatch(/Send Tom|Tom a talk/);
	});

	it('gives first when nothing was promised or asked', () => {
		expect(
			draft({ notes: ['Fundraising for the Accra office'], helpOffer: 'Intro to two seed investors' }).body
		).toContain("If it helps, I'd be happy to introduce you to two seed investors.");
		expect(draft({ notes: ['Fundraising for the Accra office'] }).body).toContain(
			'If I can help with fundraising, just let me know.'
		);
	});

	it('writes check-ins', () => {
		const d = draft({ notes: ['Grid storage pilots in Lagos'], checkIn: true });
		expect(d.subject).toBe('Checking in on Grid storage pilots in Lagos');
		expect(opening(d.body)).toBe(
			'It has been a while since we talked about Grid storage pilots in Lagos: how is it going?'
		);
	});
});

describe('a follow-up in the conversation’s language', () => {
	it('writes to a German note in German, with the article the noun needs', () => {
		const d = draftFollowUp({
			...base,
			theirName: 'Katrin Hoffmann',
			notes: ['Am Stand getroffen. Wollen von Oracle auf Postgres migrieren, ca. 200 Datenbanken.'],
			promises: ['Angebot für 50 Entwickler schicken']
		});
		expect(d.language).toBe('de');
		expect(d.subject).toBe('Das Angebot für 50 Entwickler, wie versprochen');
		expect(opening(d.body)).toBe(
			'vielen Dank für das Gespräch am Stand über Ihre Pläne, von Oracle auf Postgres zu migrieren.'
		);
		expect(d.body).toContain('Wie versprochen sende ich Ihnen anbei das Angebot für 50 Entwickler.');
		expect(d.body.startsWith('Guten Tag Katrin Hoffmann,')).toBe(true);
	});

	it('takes the language chosen for the person over the note’s', () => {
		expect(draft({ notes: ['Talked about Kafka Streams'], language: 'de' }).language).toBe('de');
	});

	it.each([
		['Talked about grid storage, she wants the deck', 'en'],
		['Sabine, Lieferkettengesetz, will Angebot', 'de'],
		['Hablamos de Flink para scoring de fraude, quiere una demo', 'es'],
		['on a parlé de la migration vers Kafka, il veut le devis', 'fr'],
		['migração para Kafka, quer intro ao Marco', 'pt'],
		['parlato di Kafka e Flink, vuole una demo', 'it'],
		['Kafka Flink Pulsar', null]
	])('detects the language of %j', (note, language) => {
		expect(detectLanguage(note)).toBe(language);
	});
});

describe('whatever the note', () => {
	it('keeps the subject short, never an ellipsis, never a word twice in a row', () => {
		fc.assert(
			fc.property(
				fc.array(
					fc.constantFrom(
						'talked about',
						'Kafka',
						'migration',
						'I promised to send',
						'the deck',
						'by Friday',
						'she wants',
						'intro to Sam',
						'…',
						'seemed skeptical',
						'de',
						'und',
						'Angebot',
						'?',
						'.',
						','
					),
					{ maxLength: 40 }
				),
				(words) => {
					const d = draft({ notes: [words.join(' ')] });
					expect(d.subject.length).toBeGreaterThan(0);
					expect(d.subject.length).toBeLessThanOrEqual(78);
					expect(`${d.subject}\n${d.body}`).not.toMatch(/…|\.\.\.|\b(\p{L}+)\s+\1\b/iu);
				}
			),
			{ numRuns: 300 }
		);
	});
});

describe('promiseDueAt', () => {
	const berlin = 'Europe/Berlin';
	const at = (iso: string) => new Date(iso).getTime();
	it.each([
		// Wednesday 7 Oct 2026, 15:00 in Berlin.
		[{ kind: 'weekday', day: 5 } as const, '2026-10-07T13:00:00Z', '2026-10-09T21:59:59.999Z'],
		// Said on a Friday, "by Friday" is the next one.
		[{ kind: 'weekday', day: 5 } as const, '2026-10-09T13:00:00Z', '2026-10-16T21:59:59.999Z'],
		[{ kind: 'next-week' } as const, '2026-10-07T13:00:00Z', '2026-10-16T21:59:59.999Z'],
		[{ kind: 'end-of-week' } as const, '2026-10-07T13:00:00Z', '2026-10-09T21:59:59.999Z'],
		[{ kind: 'days', days: 1 } as const, '2026-10-07T13:00:00Z', '2026-10-08T21:59:59.999Z'],
		// 00:30 in Berlin is already the next day there: "tomorrow" counts from the local day.
		[{ kind: 'days', days: 1 } as const, '2026-10-07T22:30:00Z', '2026-10-09T21:59:59.999Z'],
		// Across the end of summer time (25 Oct 2026): the end of the local day, not 24-hour steps.
		[{ kind: 'weekday', day: 1 } as const, '2026-10-23T10:00:00Z', '2026-10-26T22:59:59.999Z']
	])('%j from %s → %s', (hint, met, due) => {
		expect(new Date(promiseDueAt(hint, at(met), berlin)).toISOString()).toBe(due);
	});
});

describe('someone met twice', () => {
	it('thanks for both conversations, and keeps the promises of each', () => {
		const d = draftFollowUp({
			...base,
			notes: [
				'Their move from RabbitMQ to Kafka',
				'Coffee on day 2: hiring 3 SREs for the Lisbon office. I promised to send her our interview guide'
			],
			eventName: 'Current London'
		});
		expect(d.body.split('\n')[2]).toBe(
			'It was great to meet you at Current London and talk about your move from RabbitMQ to Kafka, and later about hiring 3 SREs for the Lisbon office.'
		);
		expect(d.body).toContain('Here is our interview guide, as promised.');
	});

	it('names one topic when both conversations were about the same thing', () => {
		const d = draftFollowUp({ ...base, notes: ['Kafka migration', 'More on the Kafka migration timeline'] });
		expect(d.body.split('\n')[2]).toBe('It was great talking with you about Kafka migration.');
	});
});

describe('what the app added to a note', () => {
	it('never reads the card’s own details and note as the conversation', () => {
		const d = draft({
			notes: [
				'Grid storage pilots in Lagos\n\nAlso on their card: +234 803 555 0142, priya@lumen.example\n\nNote on their card: Ask me about\nour Series A, I promised nothing'
			]
		});
		expect(d.body).toContain('Grid storage pilots in Lagos');
		expect(`${d.subject}\n${d.body}`).not.toMatch(/Series A|0142|lumen\.example|Ask me/);
		expect(d.notePromises).toEqual([]);
	});
});

describe('never the note pasted', () => {
	const runs = (text: string, n = 9) => {
		const words = text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
		return new Set(words.slice(0, Math.max(0, words.length - n + 1)).map((_, i) => words.slice(i, i + n).join(' ')));
	};
	it.each([
		[
			'en',
			'Met her in the long queue for coffee after the keynote on the second day. She asked for the slides of our talk on event sourcing for payments at scale in Europe'
		],
		[
			'de',
			'Am Rand der langen Schlange vor dem Kaffeestand nach der Keynote am zweiten Tag getroffen. Ich schicke ihr die Folien unseres Vortrags über Event Sourcing für Zahlungen in Europa'
		],
		[
			'es',
			'La conocí en la cola larguísima del café después de la charla principal del segundo día. Le prometí enviarle las diapositivas de nuestra charla sobre event sourcing para pagos en Europa'
		]
	])('%s: no run of nine of the note’s words', (_, note) => {
		const d = draft({ notes: [note] });
		const shared = [...runs(`${d.subject}\n${d.body}`)].filter((run) => runs(note).has(run));
		expect(shared).toEqual([]);
	});
});

describe('notes as people really type them', () => {
	it('puts back the punctuation of a dictated note', () => {
		const d = draft({
			notes: [
				'talked about their move to Kafka period she wants the migration deck period I promised to send it by Friday'
			]
		});
		expect(d.body).toContain('about your move to Kafka');
		expect(d.body).toContain('Here is the migration deck, as promised.');
		expect(d.notePromises.map((p) => p.due)).toEqual([{ kind: 'weekday', day: 5 }]);
		expect(d.body).not.toMatch(/period/);
	});

	it('reads a checkbox or an arrow as a to-do of mine', () => {
		const d = draft({ notes: ['Grid storage pilots in Lagos\n[ ] send battery dataset\n→ intro Kenji'] });
		expect(d.notePromises.map((p) => p.action.todo)).toEqual(['Send battery dataset', 'Introduce Priya to Kenji']);
		expect(d.body).toContain('Here is the battery dataset, as promised.');
	});

	it('does not take an English sentence in a German note for the topic', () => {
		const d = draftFollowUp({
			...base,
			theirName: 'Katrin Hoffmann',
			notes: [
				'Die haben große Probleme mit den Lieferantenaudits, alles läuft noch in Excel. Honestly they have no idea how much work that is. Sie will ein Angebot für 50 Audits und eine Demo bei uns im Haus.'
			]
		});
		expect(d.language).toBe('de');
		expect(d.body).toContain('zum Thema');
		expect(d.body).not.toMatch(/Honestly|idea/);
	});
});

describe('word tables', () => {
	it('find nothing for a word that names a JavaScript built-in ("constructor")', () => {
		const d = draftFollowUp({
			...base,
			theirName: 'Katrin Hoffmann',
			notes: ['Versprochen: Constructor schicken. Wollen nach Postgres migrieren']
		});
		expect(d.body).toContain('anbei den Constructor.');
	});
});
