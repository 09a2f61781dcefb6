import { describe, expect, it } from 'vitest';
import { formalAddress } from '$lib/domain/drafts/address';
import { draftFollowUp } from '$lib/domain/drafts/draft';

const greeting = (body: string) => body.split('\n')[0];

describe('the greeting follows the form of address the note uses', () => {
	it('reads a surname the note spells without its letters of another script (Yilmaz for Yılmaz)', () => {
		expect(formalAddress(['Termin mit Frau Yilmaz vereinbart'], 'Elif Yılmaz', 'de')).toEqual({
			title: 'Frau',
			surname: 'Yılmaz'
		});
	});

	it('never puts the first name after a title ("Prof. Amara Nwosu" is "Prof. Nwosu")', () => {
		expect(formalAddress(['Frau Elif Demir, Einkauf'], 'Elif Demir', 'de')).toEqual({
			title: 'Frau',
			surname: 'Demir'
		});
		expect(formalAddress(['Dr. Hana Sato runs the lab'], 'Hana Sato', 'en')).toEqual({ title: 'Dr.', surname: 'Sato' });
	});

	it('greets a doctor or professor in English as the note names them', () => {
		const d = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Hana Sato',
			promises: ['send the benchmark report'],
			notes: ['Prof. Sato leads the imaging group. Talked about GPU scheduling.']
		});
		expect(greeting(d.body)).toBe('Dear Prof. Sato,');
		const plain = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Hana Sato',
			promises: ['send the benchmark report'],
			notes: ['Hana leads the imaging group. Talked about GPU scheduling.']
		});
		expect(greeting(plain.body)).toBe('Hi Hana,');
	});
});
