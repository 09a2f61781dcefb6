import { describe, expect, it } from 'vitest';
import { checkNote } from '$lib/domain/notes/note-rules';
import { normalisePromises } from '$lib/domain/notes/promises';

describe('checkNote', () => {
	it.each(['', '   ', '\n\t'])('refuses an empty note (%j)', (note) => {
		expect(checkNote(note)).toMatchObject({ ok: false, reason: 'empty' });
	});

	it.each([
		'nice chat',
		'Great to meet you!',
		'hi',
		'Hello :)',
		'good chat',
		'Nice to meet you at the conference',
		'met at booth',
		'n/a',
		'asdf',
		'xxx',
		'follow up',
		'Great chat, thanks!!',
		'ok',
		'Nice to meet you too',
		'Enjoyed our chat',
		'Glad we met!',
		'Keep in touch',
		'Cheers',
		'lol'
	])('refuses the stock phrase %j and says why', (note) => {
		const verdict = checkNote(note);
		expect(verdict).toMatchObject({ ok: false, reason: 'stock' });
		if (!verdict.ok) expect(verdict.message).toMatch(/could be said of anyone/);
	});

	it.each([
		'Talked about grid storage and heat pumps',
		'Wants an intro to our Rust team',
		'AI safety evals',
		'Nice chat about SQL indexes',
		'グリッド蓄電について話した',
		'她在做电池回收',
		'Coffee — hiring a PM in Lagos',
		'Keep in touch about the Lagos pilot'
	])('accepts a note with a topic: %j', (note) => {
		expect(checkNote(note)).toEqual({ ok: true });
	});
});

describe('normalisePromises', () => {
	it('splits lines and bullets, drops blanks and repeats', () => {
		expect(
			normalisePromises(['- send the deck\n• intro to Sam', '', 'Send the deck', '  2) share the paper '])
		).toEqual(['send the deck', 'intro to Sam', 'share the paper']);
	});

	it('keeps at most 20 promises', () => {
		expect(normalisePromises(Array.from({ length: 30 }, (_, i) => `promise ${i}`))).toHaveLength(20);
	});
});
