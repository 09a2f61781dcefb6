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

describe('Portuguese greets by the title the note uses', () => {
	it('writes "Caro Prof. …" / "Cara Dra. …" with a formal close, and "Olá, Dona …" by first name', () => {
		const prof = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Rui Baptista Lopes',
			promises: ['enviar o CV'],
			notes: ['Prof. Lopes (Univ. Minho) procura bolseiros para um projeto de materiais.']
		});
		expect(greeting(prof.body)).toBe('Caro Prof. Lopes,');
		expect(prof.body).toContain('Com os melhores cumprimentos,');
		const dra = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Sofia Vasconcelos',
			promises: ['enviar o estudo'],
			notes: ['A Dra. Vasconcelos dirige a unidade de cardiologia e quer um estudo de caso.']
		});
		expect(greeting(dra.body)).toBe('Cara Dra. Vasconcelos,');
		const dona = draftFollowUp({
			myName: 'Ada Lovelace',
			theirName: 'Aparecida Souza',
			promises: ['mandar orçamento'],
			notes: ['dona aparecida, produtora de café, quer sensor de umidade para a fazenda']
		});
		expect(greeting(dona.body)).toBe('Olá, Dona Aparecida,');
	});
});
