import { describe, expect, it } from 'vitest';
import { draftFollowUp, type DraftInput } from '$lib/domain/drafts/draft';
import { polish } from '$lib/domain/drafts/lexicon/pt-nouns';
import { ptReading } from '$lib/domain/drafts/lexicon/pt-reading';
import { portugueseThing } from '$lib/domain/drafts/lexicon/pt-thing';

const base = { myName: 'Rafael Monteiro', theirName: 'Beatriz Albuquerque', promises: [] as string[] };
const draft = (input: Partial<DraftInput> & { notes: string[] }) => draftFollowUp({ ...base, ...input });
/** The message between the greeting and the sign-off, one line per paragraph. */
const message = (body: string) => body.split('\n').slice(2, -3);

describe('a follow-up drafted from a Portuguese note', () => {
	it('writes to the person with "você": their plans as the topic, the promise with its article and due day', () => {
		const d = draft({
			notes: [
				'Conheci no painel de IA generativa. Querem usar LLM no atendimento mas o jurídico trava tudo. Prometi enviar nosso whitepaper de guardrails até sexta.'
			]
		});
		expect(d.language).toBe('pt');
		expect(d.subject).toBe('O nosso whitepaper de guardrails, como prometido');
		expect(d.body.split('\n')[0]).toBe('Olá Beatriz,');
		expect(message(d.body)).toEqual([
			'Gostei muito da nossa conversa no painel de IA generativa sobre os seus planos de usar LLM no atendimento.',
			'Como prometido, segue o nosso whitepaper de guardrails.'
		]);
		expect(d.body.endsWith('Um abraço,\nRafael Monteiro')).toBe(true);
		expect(d.notePromises.map((p) => p.due)).toEqual([{ kind: 'weekday', day: 5 }]);
	});

	it('reads "fiquei de" and "combinei de" as two promises, their RFC as yours', () => {
		const d = draft({ notes: ['fiquei de responder sobre o SSO e combinei de revisar o RFC deles na próxima semana'] });
		expect(message(d.body)[1]).toBe(
			'Como combinado, vou revisar o seu RFC e depois dou notícias. Também vou responder sobre o SSO em breve.'
		);
		expect(d.notePromises.map((p) => [p.action.todo, p.due])).toEqual([
			['Revisar o RFC deles', { kind: 'next-week' }],
			['Responder sobre o SSO', null]
		]);
	});

	it('reads "vou apresentá-la à …" as an introduction, and the rest of the sentence as no topic', () => {
		const d = draft({ notes: ['Vou apresentá-la à Joana Pires, que fez o mesmo para a CML.'] });
		expect(d.subject).toBe('Apresentação à Joana Pires');
		expect(message(d.body)).toEqual([
			'Gostei muito da nossa conversa.',
			'Como combinado, vou apresentar você à Joana Pires. Fico à sua disposição para o que precisar.'
		]);
	});

	it('writes to-dos as people type them ("orçamento 20 contas", "intro Filipa <> Joana Pires") as sentences', () => {
		const d = draft({
			notes: ['Falámos de manutenção preditiva nas prensas.'],
			promises: ['orçamento 20 contas', 'intro Filipa <> Joana Pires', 'trial 2 prensas']
		});
		expect(d.subject).toBe('O orçamento para 20 contas, como prometido');
		expect(message(d.body)[1]).toBe(
			'Como prometido, segue o orçamento para 20 contas. Também vou apresentar você à Joana Pires. Além disso, vou organizar o trial em 2 prensas. Fico à sua disposição para o que precisar.'
		);
	});

	it('links the nouns of a typed to-do with their articles and contractions', () => {
		expect(
			['orçamento 20 contas', 'nosso whitepaper', 'demo USF março', 'estudo piloto Braga', 'uma proposta', 'IP67'].map(
				(t) => portugueseThing(t).text
			)
		).toEqual([
			'o orçamento para 20 contas',
			'o nosso whitepaper',
			'a demo na USF em março',
			'o estudo piloto de Braga',
			'a proposta',
			'o IP67'
		]);
		expect(polish('de o relatório em a loja a o Gustavo a a Joana por o time')).toBe(
			'do relatório na loja ao Gustavo à Joana pelo time'
		);
	});

	it('answers what they asked for: a quote, a trial, an intro "pro Gustavo"', () => {
		const d = draft({
			notes: ['pediu orçamento pra 20 contas. pediu intro pro Gustavo do time de compliance. quer trial de 60 dias']
		});
		expect(message(d.body)[1]).toBe(
			'Vou apresentar você ao Gustavo, do time de compliance, como pediu. Vou preparar o orçamento para 20 contas e envio em breve. Vou organizar o trial de 60 dias. Fico à sua disposição para o que precisar.'
		);
	});

	it('asks their questions back as indirect ones, said from our side', () => {
		const d = draft({
			notes: ['Dúvida dele: nosso conector Debezium ainda aguenta MySQL 5.7? e vcs integram com SAP?']
		});
		expect(message(d.body)[1]).toBe(
			'Você perguntou se o nosso conector Debezium ainda aguenta MySQL 5.7: vou verificar e respondo em breve. Você perguntou se integramos com SAP: vou verificar e respondo em breve. Se eu puder ajudar em alguma coisa, fico à sua disposição.'
		);
	});

	it('answers the one open question with the one thing to confirm', () => {
		const d = draft({ notes: ['perguntou: o sensor de vibração aguenta óleo?'], promises: ['confirmar IP67'] });
		expect(message(d.body)[1]).toBe(
			'Você perguntou se o sensor de vibração aguenta óleo: vou confirmar o IP67 e respondo em breve. Fico à sua disposição para o que precisar.'
		);
	});

	it('leaves out remarks to oneself and the questions one wrote to oneself', () => {
		const d = draft({
			notes: [
				'Head de dados do Itaú? não, do Inter. Querem automatizar relatorio de cliente. Achei ela meio desconfiada com vendor. parece q ta sem grana kkk. Não me parece que tenha poder de decisão.'
			]
		});
		expect(message(d.body)).toEqual([
			'Gostei muito da nossa conversa sobre os seus planos de automatizar o relatório de cliente.',
			'Se eu puder ajudar em alguma coisa, fico à sua disposição.'
		]);
	});

	it('says where we met, cut before it would paste the note, and the event with its article', () => {
		// The message keeps seven of the place's words, cut before "em" (compose caps every place).
		const met = draft({
			notes: ['Encontrei a Dra. Vasconcelos no jantar do congresso de medicina geral em Coimbra. Ditado por voz']
		});
		expect(message(met.body)[0]).toMatch(
			/^Gostei muito da nossa conversa no jantar do congresso de medicina geral sobre/
		);
		expect(ptReading.meetingPlace('Conheci no painel de IA generativa')).toBe('no painel de IA generativa');
		expect(ptReading.eventPlace('Web Summit Rio')).toBe('no Web Summit Rio');
		expect(ptReading.eventPlace('Lisbon Design Week')).toBe('na Lisbon Design Week');
		expect(ptReading.eventPlace('Feira do Livro')).toBe('na Feira do Livro');
	});

	it('turns what they are doing into a phrase to them, in Brazil\'s gerund and Portugal\'s "estão a"', () => {
		const br = draft({ notes: ['Migrando monolito Rails pra serviços em Kotlin, com muito retrabalho.'] });
		expect(br.subject).toBe('A nossa conversa sobre a sua migração do monolito Rails');
		const pt = draft({ notes: ['Estão a migrar para o Kafka e têm muita dificuldade com o reprocessamento.'] });
		expect(message(pt.body)[0]).toBe('Gostei muito da nossa conversa sobre a sua migração para o Kafka.');
	});

	it('checks in on the topic when it has been a while', () => {
		const d = draft({
			notes: ['Estão a migrar para o Kafka e têm muita dificuldade com o reprocessamento.'],
			checkIn: true
		});
		expect(d.subject).toBe('Retomando a nossa conversa sobre a sua migração para o Kafka');
		expect(message(d.body)[0]).toBe(
			'Já faz algum tempo desde a nossa conversa sobre a sua migração para o Kafka. Como estão as coisas?'
		);
	});
});
